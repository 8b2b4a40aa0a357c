package io.ordercare.routing.queue;

import io.ordercare.routing.routing.Requirement;
import io.ordercare.routing.routing.SkillExpression;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queues, read once from the database (they are seeded by the migration and change with a
 * migration), with their skill expressions parsed.
 */
@ApplicationScoped
public class QueueDirectory {

    /** One queue as routing uses it. */
    public record QueueDef(String id, String nameEn, String nameZh, SkillExpression expression, boolean languageRequired,
            int slaSeconds, String fallbackQueueId) {

        public Requirement requirement(SkillExpression handoffExpression, String language) {
            return Requirement.of(expression, handoffExpression, language, languageRequired);
        }
    }

    private volatile Map<String, QueueDef> queues;

    /** Reads the queues once (concurrent first calls may both read; harmless). */
    public Uni<Void> load() {
        if (queues != null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Queue.<Queue>listAll()).invoke(list -> {
            Map<String, QueueDef> m = new LinkedHashMap<>();
            for (Queue q : list) {
                m.put(q.id, new QueueDef(q.id, q.nameEn, q.nameZh, SkillExpression.parse(q.skillExpression),
                        q.languageRequired, q.slaSeconds, q.fallbackQueueId));
            }
            queues = m;
        }).replaceWithVoid();
    }

    /** The queue; empty when there is none with that id (or the directory is not loaded yet). */
    public Optional<QueueDef> find(String id) {
        Map<String, QueueDef> m = queues;
        return m == null || id == null ? Optional.empty() : Optional.ofNullable(m.get(id));
    }

    public List<QueueDef> all() {
        Map<String, QueueDef> m = queues;
        return m == null ? List.of() : new ArrayList<>(m.values());
    }
}
