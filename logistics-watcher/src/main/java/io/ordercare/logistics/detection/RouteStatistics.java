package io.ordercare.logistics.detection;

import io.ordercare.logistics.platform.LogisticsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learned transit statistics of every route, kept in memory for the hot paths and in
 * {@code route_stats} for restarts and other replicas. What a batch learns counts in memory as soon as the batch
 * commits and is merged into the table by a flush every second, outside the batches' transactions: the
 * concurrent consumers would otherwise queue behind each other's locks on the same few route rows. A crash
 * loses at most the last second of learning, which only makes the statistics a little less sure. A periodic
 * re-read picks up what other replicas learned.
 */
@ApplicationScoped
public class RouteStatistics {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RouteStatistics.class);

    @Inject
    Pool pool;

    @Inject
    LogisticsConfig config;

    private final Map<RouteKey, RouteStats> routes = new ConcurrentHashMap<>();
    /** Learned since the last flush; swapped out whole by the flush. */
    private final java.util.concurrent.atomic.AtomicReference<Learned> pending =
            new java.util.concurrent.atomic.AtomicReference<>(new Learned());
    /** Being written by the flush right now (a re-read of the table must not forget it). */
    private volatile Learned flushing = new Learned();
    private volatile DetectionThresholds thresholds;

    public DetectionThresholds thresholds() {
        DetectionThresholds t = thresholds;
        if (t == null) {
            t = thresholds = config.detection().thresholds();
        }
        return t;
    }

    public RouteStats of(RouteKey key) {
        return routes.getOrDefault(key, RouteStats.NONE);
    }

    public RouteProfile profile(RouteKey key) {
        return thresholds().profile(of(key));
    }

    /** Collects one batch's observations, for {@link #remember}. */
    public static final class Learned {
        private final Map<RouteKey, RouteStats> byRoute = new ConcurrentHashMap<>();

        public void gap(RouteKey route, double seconds) {
            byRoute.merge(route, new RouteStats(RunningStats.EMPTY.add(seconds), RunningStats.EMPTY), RouteStats::merge);
        }

        public void transit(RouteKey route, double seconds) {
            byRoute.merge(route, new RouteStats(RunningStats.EMPTY, RunningStats.EMPTY.add(seconds)), RouteStats::merge);
        }

        public boolean isEmpty() {
            return byRoute.isEmpty();
        }
    }

    /** Adds observations to the table, routes in a fixed order so concurrent writers never deadlock. */
    Uni<Void> merge(SqlConnection conn, Learned learned, Instant now) {
        if (learned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<RouteKey, RouteStats>> entries = new ArrayList<>(learned.byRoute.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<RouteKey, RouteStats> e) -> e.getKey().carrier())
                .thenComparing(e -> e.getKey().origin()).thenComparing(e -> e.getKey().destination()));
        int n = entries.size();
        String[] carriers = new String[n], origins = new String[n], destinations = new String[n];
        Long[] gapCounts = new Long[n], transitCounts = new Long[n];
        Double[] gapMeans = new Double[n], gapM2s = new Double[n], transitMeans = new Double[n], transitM2s = new Double[n];
        for (int i = 0; i < n; i++) {
            RouteKey k = entries.get(i).getKey();
            RouteStats s = entries.get(i).getValue();
            carriers[i] = k.carrier();
            origins[i] = k.origin();
            destinations[i] = k.destination();
            gapCounts[i] = s.gaps().count();
            gapMeans[i] = s.gaps().mean();
            gapM2s[i] = s.gaps().m2();
            transitCounts[i] = s.transits().count();
            transitMeans[i] = s.transits().mean();
            transitM2s[i] = s.transits().m2();
        }
        // Chan's parallel merge of (count, mean, m2); every right-hand side sees the row's old values
        return conn.preparedQuery("""
                insert into route_stats (carrier, origin, destination, gap_count, gap_mean, gap_m2,
                                         transit_count, transit_mean, transit_m2, updated_at)
                select c, o, d, gc, gm, g2, tc, tm, t2, $10
                  from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::float8[], $6::float8[],
                              $7::bigint[], $8::float8[], $9::float8[]) as x(c, o, d, gc, gm, g2, tc, tm, t2)
                on conflict (carrier, origin, destination) do update set
                  gap_count = route_stats.gap_count + excluded.gap_count,
                  gap_mean = case when route_stats.gap_count + excluded.gap_count = 0 then 0
                      else route_stats.gap_mean + (excluded.gap_mean - route_stats.gap_mean) * excluded.gap_count
                           / (route_stats.gap_count + excluded.gap_count) end,
                  gap_m2 = case when route_stats.gap_count + excluded.gap_count = 0 then 0
                      else route_stats.gap_m2 + excluded.gap_m2 + (excluded.gap_mean - route_stats.gap_mean) ^ 2
                           * route_stats.gap_count * excluded.gap_count / (route_stats.gap_count + excluded.gap_count) end,
                  transit_count = route_stats.transit_count + excluded.transit_count,
                  transit_mean = case when route_stats.transit_count + excluded.transit_count = 0 then 0
                      else route_stats.transit_mean + (excluded.transit_mean - route_stats.transit_mean)
                           * excluded.transit_count / (route_stats.transit_count + excluded.transit_count) end,
                  transit_m2 = case when route_stats.transit_count + excluded.transit_count = 0 then 0
                      else route_stats.transit_m2 + excluded.transit_m2
                           + (excluded.transit_mean - route_stats.transit_mean) ^ 2
                           * route_stats.transit_count * excluded.transit_count
                           / (route_stats.transit_count + excluded.transit_count) end,
                  updated_at = excluded.updated_at""")
                .execute(Tuple.tuple(List.of(carriers, origins, destinations, gapCounts, gapMeans, gapM2s,
                        transitCounts, transitMeans, transitM2s, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** After the batch committed: what it learned counts in memory at once and is queued for the table. */
    public void remember(Learned learned) {
        learned.byRoute.forEach((k, v) -> {
            routes.merge(k, v, RouteStats::merge);
            pending.get().byRoute.merge(k, v, RouteStats::merge);
        });
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        Learned batch = pending.getAndSet(new Learned());
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        flushing = batch;
        return pool.withTransaction(conn -> merge(conn, batch, java.time.Instant.now()))
                .eventually(() -> flushing = new Learned())
                .onFailure().recoverWithItem(t -> {
                    // put it back for the next flush
                    batch.byRoute.forEach((k, v) -> pending.get().byRoute.merge(k, v, RouteStats::merge));
                    LOG.warnf("route statistics not written (the next flush retries): %s", t.getMessage());
                    return null;
                });
    }

    @Scheduled(every = "${ordercare.logistics.route-stats-refresh}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().recoverWithItem(t -> {
            LOG.warnf("route statistics not re-read (the next refresh retries): %s", t.getMessage());
            return null;
        });
    }

    /** Re-reads every route from the table, plus what this replica learned and has not written yet. */
    public Uni<Void> refresh() {
        return pool.query("select * from route_stats").execute().invoke(rows -> rows.forEach(r -> {
            RouteKey key = new RouteKey(r.getString("carrier"), r.getString("origin"), r.getString("destination"));
            RouteStats stored = new RouteStats(
                    new RunningStats(r.getLong("gap_count"), r.getDouble("gap_mean"), r.getDouble("gap_m2")),
                    new RunningStats(r.getLong("transit_count"), r.getDouble("transit_mean"), r.getDouble("transit_m2")));
            RouteStats unwritten = pending.get().byRoute.getOrDefault(key, RouteStats.NONE)
                    .merge(flushing.byRoute.getOrDefault(key, RouteStats.NONE));
            routes.put(key, stored.merge(unwritten));
        })).replaceWithVoid();
    }
}
