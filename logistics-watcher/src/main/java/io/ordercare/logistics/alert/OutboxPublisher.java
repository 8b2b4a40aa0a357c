package io.ordercare.logistics.alert;

import io.ordercare.logistics.platform.LogisticsConfig;
import io.ordercare.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * This service's outbox ({@link Outbox}): alerts and return-parcel scans, published right after the transaction
 * that wrote them commits and again from the table for anything a crash or a broker outage left unpublished;
 * published rows are deleted once {@code outbox-keep} old.
 */
@ApplicationScoped
public class OutboxPublisher {

    @Inject
    @Channel("logistics-events")
    MutinyEmitter<String> emitter;

    @Inject
    Pool pool;

    @Inject
    LogisticsConfig config;

    private Outbox outbox;

    @PostConstruct
    void init() {
        outbox = new Outbox(pool, emitter);
    }

    /** Sends the events, then marks them published; a failure leaves them to the republisher. */
    public Uni<Void> publish(List<Outbox.Event> events) {
        return outbox.publish(events);
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> republish() {
        return outbox.republish(config.republishAfter());
    }

    /** Deletes the events published longer than outbox-keep ago; returns how many (never fails). */
    public Uni<Integer> purge() {
        return outbox.purge(config.outboxKeep());
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        return purge().replaceWithVoid();
    }
}
