package io.ordercare.gateway.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.gateway.ingest.IncomingOrder;
import io.ordercare.gateway.ingest.OrderNormalizer;
import io.ordercare.gateway.order.OrderReader;
import io.ordercare.gateway.order.OrderIngest;
import java.util.List;
import io.ordercare.gateway.order.OrderView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How a platform order enters: parse, normalize to the canonical model, store idempotently on
 * (platform, external id) through {@link OrderIngest}. Used by the webhook endpoint and the
 * {@code orders.inbound} consumer.
 */
@ApplicationScoped
public class OrderIntake {

    private final OrderNormalizer normalizer = new OrderNormalizer();

    @Inject
    ObjectMapper json;

    @Inject
    OrderIngest ingest;

    @Inject
    OrderReader reader;

    /** The stored order as callers read it, and whether this call created it. */
    public record Accepted(OrderView order, boolean created) {
    }

    /**
     * A raw body as received (webhook), answered with the stored order; fails with
     * {@link MalformedPayloadException} or {@link io.ordercare.gateway.ingest.InvalidOrderException}.
     */
    public Uni<Accepted> accept(String platformHint, String body) {
        return Uni.createFrom().item(() -> read(platformHint, parse(body)))
                .chain(in -> ingest.ingest(List.of(in)))
                .map(results -> results.get(0))
                .chain(r -> reader.get(r.orderId()).map(view -> new Accepted(view, r.created())));
    }

    /** The canonical order of a platform payload; fails with {@link io.ordercare.gateway.ingest.InvalidOrderException}. */
    public IncomingOrder read(String platformHint, JsonNode payload) {
        return normalizer.normalize(platformHint, payload);
    }

    /** The payload as JSON; an empty or non-JSON body fails with {@link MalformedPayloadException}. */
    JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedPayloadException("empty payload");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw MalformedPayloadException.at(e.getLocation());
        }
    }
}
