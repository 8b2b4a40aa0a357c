package io.ordercare.returns.platform;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox: right after the transaction that wrote the events commits, and again from the table
 * for anything a crash or a broker outage left unpublished. An event may thus go out twice, never not at
 * all; its id stays the same, so consumers drop the repeat.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    @Inject
    @Channel("returns-events")
    MutinyEmitter<String> emitter;

    @Inject
    Pool pool;

    @Inject
    ReturnsConfig config;

    /** Sends the events, then marks them published; a failure leaves them to the republisher. */
    public Uni<Void> publish(List<Outbox.Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<UUID>> sends = new ArrayList<>(events.size());
        for (Outbox.Event e : events) {
            sends.add(emitter.sendMessage(Message.of(e.event()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(e.topic()).withKey(e.key()).build()))
                    .replaceWith(e.id())
                    .onFailure().recoverWithItem(t -> {
                        LOG.warnf("event %s to %s not sent yet: %s", e.id(), e.topic(), t.getMessage());
                        return null;
                    }));
        }
        return Uni.join().all(sends).andCollectFailures()
                .chain(ids -> markPublished(ids.stream().filter(java.util.Objects::nonNull).toList()))
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("outbox: could not mark events published (they will be sent again): %s", t.getMessage());
                    return null;
                });
    }

    private Uni<Void> markPublished(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update outbox set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> republish() {
        // wall-clock age (the database's), not the injectable clock: this is about the broker, not business time
        return pool.preparedQuery("""
                select id, topic, key, event from outbox
                 where published_at is null and created_at < now() - make_interval(secs => $1)
                 order by created_at limit 500""")
                .execute(Tuple.of((double) config.republishAfter().toMillis() / 1000))
                .chain(rows -> {
                    List<Outbox.Event> events = new ArrayList<>();
                    rows.forEach(r -> events.add(new Outbox.Event(r.getUUID("id"), r.getString("topic"),
                            r.getString("key"), r.getString("event"))));
                    if (!events.isEmpty()) {
                        LOG.infof("outbox: sending %d events again", events.size());
                    }
                    return publish(events);
                });
    }
}
