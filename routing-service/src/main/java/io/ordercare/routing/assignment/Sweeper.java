package io.ordercare.routing.assignment;

import io.ordercare.platform.Messages;
import io.ordercare.routing.event.RoutingEvents;
import io.ordercare.routing.handoff.Handoff;
import io.ordercare.routing.handoff.HandoffStatus;
import io.ordercare.routing.platform.RoutingConfig;
import io.ordercare.routing.queue.QueueDirectory;
import io.ordercare.routing.queue.QueueMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What time alone changes, evaluated against the injected clock: offers not accepted in time are
 * timed out (and re-offered to another agent), and handoffs that waited in their queue longer than its
 * SLA get one callback offer ({@code routing.callback-offered}, with the sentence for the customer in
 * English and Chinese; the handoff keeps its place in the queue). Priority aging needs no sweep: see
 * {@link io.ordercare.routing.routing.Priority}. Runs every {@code ordercare.routing.sweep-interval};
 * tests call {@link #sweep} after moving their clock.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    @Inject
    Clock clock;

    @Inject
    RoutingConfig config;

    @Inject
    Dispatcher dispatcher;

    @Inject
    AssignmentService assignments;

    @Inject
    QueueDirectory queues;

    @Inject
    QueueMetrics metrics;

    @Inject
    RoutingEvents events;

    @Inject
    Messages messages;

    /** What one sweep did. */
    public record Result(int timedOut, int callbacksOffered) {
    }

    @Scheduled(every = "${ordercare.routing.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sweep().invoke(r -> {
            if (r.timedOut() + r.callbacksOffered() > 0) {
                LOG.debugf("sweep: %d offers timed out, %d callbacks offered", r.timedOut(), r.callbacksOffered());
            }
        }).onFailure().invoke(e -> LOG.warnf("sweep failed: %s", e.toString())).onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Result> sweep() {
        Instant now = clock.instant();
        return dispatcher.ready().chain(() -> assignments.timeOutExpired(now))
                .chain(timedOut -> offerCallbacks(now).map(callbacks -> new Result(timedOut, callbacks)));
    }

    private Uni<Integer> offerCallbacks(Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (QueueDirectory.QueueDef q : queues.all()) {
            Instant breachedBefore = now.minusSeconds(q.slaSeconds());
            chain = chain.chain(n -> Panache.withSession(() -> Handoff.<Handoff>find(
                    "status = ?1 and callbackOfferedAt is null and queueId = ?2 and queuedAt <= ?3 order by queuedAt",
                    HandoffStatus.WAITING, q.id(), breachedBefore).page(0, config.sweepBatch()).list())
                    .chain(breached -> offerCallbacks(breached, q, now)).map(k -> n + k));
        }
        return chain;
    }

    private Uni<Integer> offerCallbacks(List<Handoff> breached, QueueDirectory.QueueDef q, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Handoff candidate : breached) {
            chain = chain.chain(n -> Panache.withTransaction(() -> Handoff.<Handoff>findById(candidate.id).chain(h -> {
                // still waiting and not offered yet: the row may have moved on since the query
                if (h == null || h.status != HandoffStatus.WAITING || h.callbackOfferedAt != null) {
                    return Uni.createFrom().<Handoff>nullItem();
                }
                h.callbackOfferedAt = now;
                return Panache.flush().replaceWith(h);
            })).onFailure().recoverWithNull().chain(h -> {
                if (h == null) {
                    return Uni.createFrom().item(n);
                }
                metrics.callbackOffered(q.id());
                long waited = Duration.between(h.queuedAt, now).getSeconds();
                return events.publish(RoutingEvents.CALLBACK_OFFERED, h, null, d -> {
                    d.put("waitedSeconds", waited);
                    d.put("slaSeconds", q.slaSeconds());
                    var text = d.putObject("message");
                    text.put("en", messages.get(Locale.ENGLISH, "callback.offer"));
                    text.put("zh", messages.get(Messages.ZH, "callback.offer"));
                }).replaceWith(n + 1);
            }));
        }
        return chain;
    }
}
