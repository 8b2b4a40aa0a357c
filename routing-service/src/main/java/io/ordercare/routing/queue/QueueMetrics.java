package io.ordercare.routing.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordercare.routing.assignment.Dispatcher;
import io.ordercare.routing.routing.Router.QueueLoad;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Surge indicators per queue (tag {@code queue}): {@code routing.queue.depth} (handoffs waiting),
 * {@code routing.queue.oldest.wait} (seconds the oldest has waited), {@code routing.queue.sla.attainment}
 * (share of the handoffs accepted since start whose wait in the queue was within its SLA; 1 before the first)
 * and {@code routing.callbacks.offered} (callback offers after SLA breaches).
 */
@ApplicationScoped
public class QueueMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    Dispatcher dispatcher;

    @Inject
    QueueDirectory queues;

    @Inject
    Clock clock;

    private final Map<String, AtomicLong[]> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> callbacks = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent e) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> queues.load());
        for (QueueDirectory.QueueDef q : queues.all()) {
            AtomicLong[] counts = accepted.computeIfAbsent(q.id(), k -> new AtomicLong[] { new AtomicLong(), new AtomicLong() });
            Gauge.builder("routing.queue.depth", () -> load(q.id()).depth()).tag("queue", q.id())
                    .description("Handoffs waiting in the queue").register(registry);
            Gauge.builder("routing.queue.oldest.wait", () -> {
                QueueLoad l = load(q.id());
                return l.oldest() == null ? 0 : Math.max(0, Duration.between(l.oldest(), clock.instant()).toMillis() / 1000.0);
            }).tag("queue", q.id()).baseUnit("seconds").description("How long the oldest waiting handoff has waited")
                    .register(registry);
            Gauge.builder("routing.queue.sla.attainment", () -> counts[1].get() == 0 ? 1.0
                    : (double) counts[0].get() / counts[1].get()).tag("queue", q.id())
                    .description("Share of accepted handoffs that waited no longer than the queue's SLA").register(registry);
            callbacks.put(q.id(), Counter.builder("routing.callbacks.offered").tag("queue", q.id())
                    .description("Callback offers after the queue's wait passed its SLA").register(registry));
        }
    }

    /** One pass over the waiting list serves every gauge of a scrape (it holds the router's lock while it runs). */
    private volatile Map<String, QueueLoad> loads = Map.of();
    private volatile long loadsAt;

    private QueueLoad load(String queue) {
        long now = System.nanoTime();
        if (now - loadsAt > 500_000_000L) {
            loads = dispatcher.router().queueLoads();
            loadsAt = now;
        }
        return loads.getOrDefault(queue, new QueueLoad(0, null));
    }

    /** An agent accepted a handoff that waited {@code waited} in the queue. */
    public void accepted(String queue, Duration waited) {
        AtomicLong[] counts = accepted.computeIfAbsent(queue, k -> new AtomicLong[] { new AtomicLong(), new AtomicLong() });
        int sla = queues.find(queue).map(QueueDirectory.QueueDef::slaSeconds).orElse(Integer.MAX_VALUE);
        if (waited.getSeconds() <= sla) {
            counts[0].incrementAndGet();
        }
        counts[1].incrementAndGet();
    }

    public void callbackOffered(String queue) {
        Counter c = callbacks.get(queue);
        if (c != null) {
            c.increment();
        }
    }
}
