package io.ordercare.logistics.shipment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.logistics.alert.AlertEvents;
import io.ordercare.logistics.alert.OutboxPublisher;
import io.ordercare.logistics.detection.AlertType;
import io.ordercare.logistics.detection.Finding;
import io.ordercare.logistics.detection.RouteProfile;
import io.ordercare.logistics.detection.RouteStatistics;
import io.ordercare.logistics.detection.ShipmentWatch;
import io.ordercare.logistics.order.OrderStatusSync;
import io.ordercare.logistics.platform.LogisticsConfig;
import io.ordercare.logistics.tracking.CarrierScan;
import io.ordercare.platform.outbox.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The three ways a parcel's state moves, each one transaction over a whole batch: scans arrive
 * ({@link #record}), a shipment starts ({@link #open}), time passes ({@link #sweep}). Each settles the
 * touched parcels the same way: the rules run, new alert episodes are recorded with their events in the
 * outbox, what the route taught is merged into its statistics, and the next due check is set. After the
 * commit the events are published and pending order-status changes are pushed to order-gateway.
 */
@ApplicationScoped
public class ShipmentTracking {

    private static final Logger LOG = Logger.getLogger(ShipmentTracking.class);
    /** How long a push in flight keeps its parcel from being pushed again by a sweep. */
    private static final Duration PUSH_LEASE = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    ParcelStore store;

    @Inject
    RouteStatistics routes;

    @Inject
    AlertEvents events;

    @Inject
    OutboxPublisher outbox;

    @Inject
    OrderStatusSync orderSync;

    @Inject
    Clock clock;

    @Inject
    LogisticsConfig config;

    @Inject
    MeterRegistry registry;

    private ShipmentWatch watch;
    private Timer sweepDuration;
    private volatile Long sweepTimer;
    private Vertx vertx;

    @PostConstruct
    void init() {
        watch = new ShipmentWatch(config.detection().thresholds());
        sweepDuration = Timer.builder("ordercare.logistics.sweep").description("one sweep transaction over due parcels")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Stores scans (a repeat is stored once) and moves their parcels on. Returns how many scans were new. */
    @WithSpan("shipment.record-scans")
    public Uni<Integer> record(List<CarrierScan> scans) {
        if (scans.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        return pool.withTransaction(conn -> store.insertScans(conn, scans, now).chain(fresh -> {
            Settlement s = new Settlement(conn, now);
            if (fresh.isEmpty()) {
                return Uni.createFrom().item(s);
            }
            Map<String, List<CarrierScan>> byParcel = new LinkedHashMap<>();
            fresh.forEach(scan -> byParcel.computeIfAbsent(key(scan.carrier(), scan.trackingNumber()),
                    k -> new ArrayList<>()).add(scan));
            List<String> carriers = new ArrayList<>(), numbers = new ArrayList<>();
            byParcel.values().forEach(list -> {
                carriers.add(list.get(0).carrier());
                numbers.add(list.get(0).trackingNumber());
            });
            s.freshScans = fresh.size();
            return store.lock(conn, carriers, numbers).chain(parcels -> {
                java.util.Set<String> known = new java.util.HashSet<>();
                parcels.forEach(p -> known.add(key(p.carrier, p.trackingNumber)));
                List<String> orphanCarriers = new ArrayList<>(), orphanNumbers = new ArrayList<>();
                for (int i = 0; i < carriers.size(); i++) {
                    if (!known.contains(key(carriers.get(i), numbers.get(i)))) {
                        orphanCarriers.add(carriers.get(i));
                        orphanNumbers.add(numbers.get(i));
                    }
                }
                // scans of parcels without a shipment: wait for a shipment being created right now, if any
                Uni<List<Parcel>> late = orphanCarriers.isEmpty() ? Uni.createFrom().item(List.of())
                        : store.lockKeys(conn, orphanCarriers, orphanNumbers)
                                .chain(() -> store.lock(conn, orphanCarriers, orphanNumbers));
                return late.chain(created -> {
                    List<Parcel> all = new ArrayList<>(parcels);
                    all.addAll(created);
                    for (Parcel p : all) {
                        s.settle(p, byParcel.get(key(p.carrier, p.trackingNumber)));
                    }
                    return s.write(all);
                });
            });
        }))
                .onFailure(ShipmentTracking::isRetryable).retry().atMost(3)
                .call(this::afterCommit)
                .map(s -> s.freshScans);
    }

    /**
     * Starts watching new shipments; one already known (same carrier and tracking number) is left as it is.
     * Scans that arrived before the shipment are adopted at once. Returns the shipments this call created.
     */
    @WithSpan("shipment.open")
    public Uni<List<Parcel>> open(List<Parcel> parcels) {
        if (parcels.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        return pool.withTransaction(conn -> store.lockKeys(conn, parcels.stream().map(p -> p.carrier).toList(),
                parcels.stream().map(p -> p.trackingNumber).toList())
                .chain(() -> store.insert(conn, parcels, now)).chain(created -> {
            Settlement s = new Settlement(conn, now);
            s.created = created;
            if (created.isEmpty()) {
                return Uni.createFrom().item(s);
            }
            return store.scansOf(conn, created.stream().map(p -> p.carrier).toList(),
                    created.stream().map(p -> p.trackingNumber).toList()).chain(earlier -> {
                        Map<String, List<CarrierScan>> byParcel = new HashMap<>();
                        earlier.forEach(scan -> byParcel.computeIfAbsent(key(scan.carrier(), scan.trackingNumber()),
                                k -> new ArrayList<>()).add(scan));
                        for (Parcel p : created) {
                            s.settle(p, byParcel.getOrDefault(key(p.carrier, p.trackingNumber), List.of()));
                        }
                        return s.write(created);
                    });
        }))
                .onFailure(ShipmentTracking::isRetryable).retry().atMost(3)
                .call(this::afterCommit)
                .map(s -> s.created);
    }

    /**
     * The sweep runs on a Vert.x timer rather than {@code @Scheduled}, whose intervals cannot go below a second:
     * the interval bounds how late a threshold crossing is alerted. One sweep at a time.
     */
    void startSweeping(@Observes StartupEvent started, Vertx vertx) {
        if (!config.sweep().enabled()) {
            return;
        }
        this.vertx = vertx;
        AtomicBoolean running = new AtomicBoolean();
        sweepTimer = vertx.setPeriodic(2000, config.sweep().interval().toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            sweepAll().subscribe().with(n -> running.set(false), t -> {
                running.set(false);
                LOG.warnf("sweep failed (the next one retries): %s", t.getMessage());
            });
        });
    }

    /** No sweep may start while the database pool closes. */
    void stopSweeping(@Observes ShutdownEvent stopping) {
        Long timer = sweepTimer;
        if (timer != null && vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** Sweeps batch after batch until nothing is due. Returns how many parcels were looked at. */
    public Uni<Integer> sweepAll() {
        return sweep().chain(n -> n < config.sweep().batchSize() ? Uni.createFrom().item(n)
                : sweepAll().map(m -> n + m));
    }

    /** One transaction over up to a batch of due parcels: what time alone changed. */
    @WithSpan("shipment.sweep")
    public Uni<Integer> sweep() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        return pool.withTransaction(conn -> store.lockDue(conn, now, config.sweep().batchSize()).chain(due -> {
            Settlement s = new Settlement(conn, now);
            s.swept = due.size();
            if (due.isEmpty()) {
                return Uni.createFrom().item(s);
            }
            for (Parcel p : due) {
                s.settle(p, List.of());
            }
            return s.write(due);
        }))
                .invoke(s -> sweepDuration.record(Duration.ofNanos(System.nanoTime() - started)))
                .call(this::afterCommit)
                .map(s -> s.swept);
    }

    private Uni<Void> afterCommit(Settlement s) {
        routes.remember(s.learned);
        if (!s.raised.isEmpty()) {
            s.raised.forEach(a -> registry.counter("ordercare.logistics.alerts", "type", a.type()).increment());
            LOG.debugf("alerts raised: %s", s.raised.stream().map(a -> a.type() + " " + a.orderId()).toList());
        }
        // the pushes are not waited for: the gateway being slow must not hold up the tracking stream
        orderSync.push(s.pushes).subscribe().with(v -> {
        }, t -> LOG.warnf("order status push failed: %s", t.getMessage()));
        return outbox.publish(s.outbox);
    }

    /** What one transaction changes, collected while settling its parcels and written in a few statements. */
    private final class Settlement {
        private final SqlConnection conn;
        private final Instant now;
        private final RouteStatistics.Learned learned = new RouteStatistics.Learned();
        private final List<ParcelStore.NewAlert> alerts = new ArrayList<>();
        private final List<Outbox.Event> outbox = new ArrayList<>();
        private final List<OrderStatusSync.Push> pushes = new ArrayList<>();
        private List<ParcelStore.NewAlert> raised = List.of();
        private List<Parcel> created = List.of();
        private int freshScans;
        private int swept;

        Settlement(SqlConnection conn, Instant now) {
            this.conn = conn;
            this.now = now;
        }

        void settle(Parcel p, List<CarrierScan> fresh) {
            List<Finding> findings = new ArrayList<>();
            if (!fresh.isEmpty()) {
                Parcel.ScanOutcome outcome = p.apply(fresh, now);
                outcome.gaps().forEach(g -> learned.gap(p.route(), g.toSeconds()));
                if (outcome.transit() != null && !outcome.transit().isNegative()) {
                    learned.transit(p.route(), outcome.transit().toSeconds());
                }
                findings.addAll(outcome.findings());
                if (p.direction == Direction.RETURN) {
                    fresh.forEach(scan -> outbox.add(events.returnScan(p, scan, now, config.returnScansTopic())));
                }
            }
            RouteProfile route = routes.profile(p.route());
            ShipmentWatch.Evaluation first = watch.evaluate(p, route, now);
            findings.addAll(first.findings());
            p.predictedArrival = first.predictedArrival();
            for (Finding f : findings) {
                markEpisode(p, f);
                alerts.add(events.alert(p, f, route, now, config.alertsTopic()));
            }
            if (p.orderSyncStatus != null && p.orderSyncDueAt != null && !p.orderSyncDueAt.isAfter(now)) {
                pushes.add(new OrderStatusSync.Push(p.id, p.orderId, p.orderSyncStatus, p.orderSyncReason,
                        p.orderSyncAttempts));
                p.orderSyncDueAt = now.plus(PUSH_LEASE);
            }
            // again, now that the raised episodes are marked: when is the parcel next worth a look
            p.nextCheckAt = first.findings().isEmpty() && p.orderSyncStatus == null ? first.nextCheckAt()
                    : watch.evaluate(p, route, now).nextCheckAt();
        }

        private void markEpisode(Parcel p, Finding f) {
            if (f.type() == AlertType.STUCK) {
                p.stuckAlertedFor = p.lastActivity();
            } else if (f.type() == AlertType.LOST_SUSPECTED) {
                p.lostAlertedFor = p.lastActivity();
            } else if (f.type() == AlertType.DELAY_RISK) {
                p.delayAlertedFor = p.promisedDate;
            }
        }

        Uni<Settlement> write(List<Parcel> parcels) {
            return store.update(conn, parcels, now)
                    .chain(() -> store.insertAlerts(conn, alerts))
                    .invoke(kept -> {
                        raised = kept;
                        kept.forEach(a -> outbox.add(new Outbox.Event(a.id(), a.topic(), a.key(), a.event())));
                    })
                    .chain(() -> {
                        // the alerts' events are queued with the alerts; the rest (return-parcel scans) here
                        java.util.Set<java.util.UUID> alertIds = new java.util.HashSet<>();
                        alerts.forEach(a -> alertIds.add(a.id()));
                        return Outbox.write(conn, outbox.stream().filter(e -> !alertIds.contains(e.id())).toList());
                    })
                    .replaceWith(this);
        }
    }

    static String key(String carrier, String trackingNumber) {
        return carrier + "|" + trackingNumber;
    }

    /** Deadlock, serialization failure or a unique race with a concurrent batch: the whole batch again. */
    static boolean isRetryable(Throwable t) {
        return t instanceof io.vertx.pgclient.PgException e
                && ("40P01".equals(e.getSqlState()) || "40001".equals(e.getSqlState()) || "23505".equals(e.getSqlState()));
    }
}
