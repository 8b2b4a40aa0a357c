package io.ordercare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Measurement 5: single-row autocommit UPDATEs of seeded orders at a fixed rate, straight over JDBC as the
 * service's role, each flipping the status (PLACED/ON_HOLD) and bumping the version; {@code order.changes}
 * consumed from its end. Each {@code order.status-changed} event is matched to its update by (order id, version).
 * Latency: event received − executeUpdate returned (client clock), and event received − the event's own
 * {@code time} (the database commit time, ms resolution).
 */
final class CdcPhase {

    static final String UPDATE = "update orders set status = case when status = 'ON_HOLD' then 'PLACED' else 'ON_HOLD' end, "
            + "version = version + 1, updated_at = now() where id = ?";

    static final class Result {
        double targetRate;
        int seconds;
        long expected;
        long received;
        long unmatchedOfOurs;
        long updateErrors;
        String firstUpdateError;
        double achievedRate;
        long maxLateNanos;
        Samples clientLatency = new Samples();
        Samples eventTimeLatency = new Samples();
        Samples updateLatency = new Samples();
        List<String> diagnostics = new ArrayList<>();
    }

    private final Kafka kafka;
    private final ObjectMapper json;
    private final Options o;

    CdcPhase(Kafka kafka, ObjectMapper json, Options o) {
        this.kafka = kafka;
        this.json = json;
        this.o = o;
    }

    private record Received(long nanos, long eventLatencyMicros) {
    }

    Result run(List<String> seededIds, CpuMeter cpu) throws Exception {
        Result r = new Result();
        r.targetRate = o.cdcRate;
        r.seconds = o.cdcSeconds;
        int threads = o.cdcConnections;
        long total = Math.round(o.cdcRate * o.cdcSeconds);
        // every order is touched by one writer thread only: ids.size() is a multiple of the thread count
        int m = (int) Math.min(seededIds.size(), Math.max(total, threads));
        m -= m % threads;
        if (m < threads) {
            throw new IllegalStateException("need at least " + threads + " seeded orders, have " + seededIds.size());
        }
        List<String> ids = new ArrayList<>(seededIds.subList(0, m));
        Set<String> idSet = Set.copyOf(ids);
        long[] versions = new long[m];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < m; i++) {
            index.put(ids.get(i), i);
        }
        try (Connection c = o.connect(); PreparedStatement ps = c.prepareStatement("select id, version from orders where id = any(?)")) {
            Array arr = c.createArrayOf("varchar", ids.toArray());
            ps.setArray(1, arr);
            int found = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions[index.get(rs.getString(1))] = rs.getLong(2);
                    found++;
                }
            }
            if (found != m) {
                throw new IllegalStateException("only " + found + " of " + m + " seeded orders found in the database");
            }
        }

        Map<String, Received> received = new ConcurrentHashMap<>();
        AtomicLong ours = new AtomicLong();
        Kafka.Tap tap = kafka.tapFromEnd(IngestPhase.CHANGES, "cdc", (rec, nanos, micros) -> {
            String v = rec.value();
            if (v == null || !v.contains("\"order.status-changed\"") || !idSet.contains(rec.key())) {
                return;
            }
            try {
                JsonNode e = json.readTree(v);
                if (!"order.status-changed".equals(e.path("type").asText())) {
                    return;
                }
                Instant time = Instant.parse(e.path("time").asText());
                long eventMicros = time.getEpochSecond() * 1_000_000L + time.getNano() / 1000;
                String key = e.path("subject").asText() + ":" + e.path("data").path("version").asLong();
                received.putIfAbsent(key, new Received(nanos, micros - eventMicros));
                ours.incrementAndGet();
            } catch (Exception ignored) {
                // not ours
            }
        });

        Map<String, Long> commits = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastCommit = new AtomicLong();
        AtomicLong maxLate = new AtomicLong();
        long interval = Math.round(1e9 / o.cdcRate);
        ExecutorService pool = Executors.newFixedThreadPool(threads, run -> {
            Thread t = new Thread(run, "cdc-writer");
            t.setDaemon(true);
            return t;
        });
        List<Connection> connections = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Connection c = o.connect();
            c.setAutoCommit(true);
            connections.add(c);
        }
        CpuMeter.Snapshot cpuStart = cpu.snapshot();
        long t0 = System.nanoTime() + 100_000_000L;
        List<Future<?>> writers = new ArrayList<>();
        List<Samples> updateTimes = new ArrayList<>();
        final int mm = m;
        for (int k = 0; k < threads; k++) {
            final int kk = k;
            final Connection c = connections.get(k);
            final Samples mine = new Samples();
            updateTimes.add(mine);
            writers.add(pool.submit(() -> {
                try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                    for (long s = kk; s < total; s += threads) {
                        long due = t0 + s * interval;
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now);
                        }
                        maxLate.accumulateAndGet(now - due, Math::max);
                        int idx = (int) (s % mm);
                        String id = ids.get(idx);
                        try {
                            ps.setString(1, id);
                            long begin = System.nanoTime();
                            int n = ps.executeUpdate();
                            long committed = System.nanoTime();
                            mine.add(committed - begin);
                            if (n == 1) {
                                versions[idx]++;
                                commits.put(id + ":" + versions[idx], committed);
                                lastCommit.accumulateAndGet(committed, Math::max);
                            } else {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, "order " + id + " not found");
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
                return null;
            }));
        }
        long nextLog = System.nanoTime() + 5_000_000_000L;
        for (Future<?> f : writers) {
            while (true) {
                try {
                    f.get(1, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > nextLog) {
                        Bench.log("cdc: %,d updates committed, %,d events received", commits.size(), received.size());
                        nextLog = System.nanoTime() + 5_000_000_000L;
                    }
                    if (System.nanoTime() > t0 + TimeUnit.SECONDS.toNanos(o.cdcSeconds + 120)) {
                        pool.shutdownNow();
                        throw new IllegalStateException("the UPDATE writers did not finish within " + (o.cdcSeconds + 120) + " s");
                    }
                }
            }
        }
        pool.shutdown();
        for (Connection c : connections) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        r.expected = commits.size();
        r.updateErrors = errors.get();
        r.firstUpdateError = firstError.get();
        r.maxLateNanos = maxLate.get();
        r.achievedRate = lastCommit.get() > t0 ? (r.expected + r.updateErrors) / ((lastCommit.get() - t0) / 1e9) : 0;

        // the stragglers: until every expected event is in, or the grace period is over
        long deadline = System.nanoTime() + Duration.ofSeconds(o.cdcGraceSeconds).toNanos();
        while (System.nanoTime() < deadline && matched(commits, received) < r.expected) {
            if (tap.failure() != null) {
                throw new IllegalStateException("order.changes consumer failed", tap.failure());
            }
            Thread.sleep(200);
        }
        CpuMeter.Snapshot cpuEnd = cpu.snapshot();
        tap.close();
        for (Map.Entry<String, Long> e : commits.entrySet()) {
            Received got = received.get(e.getKey());
            if (got != null) {
                r.received++;
                r.clientLatency.add(Math.max(0, got.nanos() - e.getValue()));
                r.eventTimeLatency.add(Math.max(0, got.eventLatencyMicros()) * 1000);
            }
        }
        r.unmatchedOfOurs = received.keySet().stream().filter(k -> !commits.containsKey(k)).count();
        r.diagnostics.addAll(cpu.describe(cpuStart, cpuEnd, 6));
        for (Samples one : updateTimes) { // the writers are done: their samples are safe to read
            for (int i = 0; i < one.count(); i++) {
                r.updateLatency.add(one.get(i));
            }
        }
        r.diagnostics.add("executeUpdate (autocommit) took " + r.updateLatency.summary());
        if (r.unmatchedOfOurs > 0) {
            r.diagnostics.add(r.unmatchedOfOurs + " status-changed events of the updated orders matched no update of "
                    + "this run (someone else changed them too?)");
        }
        return r;
    }

    private static long matched(Map<String, Long> commits, Map<String, Received> received) {
        long n = 0;
        for (String k : commits.keySet()) {
            if (received.containsKey(k)) {
                n++;
            }
        }
        return n;
    }
}
