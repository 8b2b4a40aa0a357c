package io.ordercare.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.gateway.order.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Appends audit entries inside the caller's transaction, so a change and its audit row commit or
 * roll back together.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public Uni<AuditEntry> record(String orderId, AuditEntry.Field field, Actor actor, Object before, Object after) {
        AuditEntry e = new AuditEntry();
        e.orderId = orderId;
        e.field = field.name();
        e.actor = actor.name();
        e.reason = actor.reason();
        e.beforeValue = toJson(before);
        e.afterValue = toJson(after);
        e.at = clock.instant();
        return e.persist();
    }

    public Uni<List<AuditEntry>> of(String orderId) {
        return AuditEntry.find("orderId = ?1 order by at, id", orderId).list();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        // jsonb columns hold objects: a scalar or a list is wrapped as {"value": ...}
        Object document = value instanceof java.util.Map<?, ?> ? value : java.util.Map.of("value", value);
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not serializable", e);
        }
    }
}
