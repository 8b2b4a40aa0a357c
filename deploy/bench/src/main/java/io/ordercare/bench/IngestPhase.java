package io.ordercare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Measurement 2: N Taobao-style bare payloads (header {@code platform: taobao}) produced as fast as possible to
 * {@code orders.inbound}; {@code order.changes} consumed from its end, counting the {@code order.created} events
 * of the batch. Rate = arrived / (last order.created received − first record sent).
 */
final class IngestPhase {

    static final String INBOUND = "orders.inbound";
    static final String DLQ = "orders.inbound.dlq";
    static final String CHANGES = "order.changes";

    static final class Result {
        int requested;
        int arrived;
        int duplicates;
        int sendErrors;
        String firstSendError;
        double ordersPerSecond;
        double produceSeconds;
        double elapsedSeconds;
        boolean timedOut;
        long maxLag;
        long lagBefore;
        long lagAfterWait = -1;
        int dlqRecords = -1;
        int dlqOurs;
        String dlqReason;
        List<String> orderIds = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
    }

    private final Kafka kafka;
    private final ObjectMapper json;
    private final Options o;

    IngestPhase(Kafka kafka, ObjectMapper json, Options o) {
        this.kafka = kafka;
        this.json = json;
        this.o = o;
    }

    Result run(Connection db, CpuMeter cpu) throws Exception {
        Result r = new Result();
        int n = o.orders;
        r.requested = n;

        // identities unique per order and per run: tid from the run's start millis, phones under a fresh prefix
        long runId = System.currentTimeMillis();
        long tidBase = runId * 1_000_000L;
        int iDigits = Math.max(5, String.valueOf(n - 1).length());
        String phonePrefix = freePhonePrefix(db, 9 - iDigits, runId);
        ObjectNode template = (ObjectNode) json.readTree(o.template());
        List<byte[]> keys = new ArrayList<>(n);
        List<byte[]> values = new ArrayList<>(n);
        Set<String> externalIds = new HashSet<>(n * 2);
        String fmt = "%0" + iDigits + "d";
        for (int i = 0; i < n; i++) {
            long tid = tidBase + i;
            String tidStr = Long.toString(tid);
            template.put("tid", tid);
            template.put("tid_str", tidStr);
            template.put("buyer_nick", "bench_" + runId + "_" + i);
            template.put("receiver_mobile", "13" + phonePrefix + String.format(fmt, i));
            keys.add(tidStr.getBytes(StandardCharsets.UTF_8));
            values.add(json.writeValueAsBytes(template));
            externalIds.add(tidStr);
        }
        Bench.log("ingest: %,d Taobao orders prepared (tid %d.., phones +8613%s..., %,d bytes each)", n, tidBase,
                phonePrefix, values.get(0).length);

        r.lagBefore = waitForNoLag(60);
        if (gatewayGroup == null) {
            r.diagnostics.add("no consumer group of order-gateway is assigned orders.inbound: lag unknown");
        } else {
            r.diagnostics.add("order-gateway's consumer group on orders.inbound: " + gatewayGroup);
        }
        if (r.lagBefore > 0) {
            r.diagnostics.add("order-gateway's orders.inbound lag was " + r.lagBefore + " before the run: "
                    + "someone else's backlog delays this batch");
        }

        Map<String, String> created = new ConcurrentHashMap<>();
        AtomicLong lastCreatedNanos = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Kafka.Tap tap = kafka.tapFromEnd(CHANGES, "ingest", (rec, nanos, micros) -> {
            String v = rec.value();
            if (v == null || !v.contains("\"order.created\"")) {
                return;
            }
            try {
                JsonNode e = json.readTree(v);
                if (!"order.created".equals(e.path("type").asText())) {
                    return;
                }
                String ext = e.path("data").path("externalId").asText(null);
                if (ext != null && externalIds.contains(ext)) {
                    if (created.putIfAbsent(ext, e.path("subject").asText(rec.key())) == null) {
                        lastCreatedNanos.set(nanos);
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
            } catch (Exception ignored) {
                // not JSON: not ours
            }
        });
        Map<TopicPartition, Long> dlqBefore = kafka.endOffsets(DLQ);

        AtomicLong maxLag = new AtomicLong();
        AtomicLong sendErrors = new AtomicLong();
        AtomicReference<String> firstSendError = new AtomicReference<>();
        CpuMeter.Snapshot cpuStart = cpu.snapshot();
        long t0;
        long producedAt;
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            producer.partitionsFor(INBOUND); // metadata fetched before the clock starts
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(INBOUND, keys.get(i), values.get(i));
                rec.headers().add("platform", "taobao".getBytes(StandardCharsets.UTF_8));
                producer.send(rec, (md, err) -> {
                    if (err != null) {
                        sendErrors.incrementAndGet();
                        firstSendError.compareAndSet(null, err.toString());
                    }
                });
            }
            producer.flush();
            producedAt = System.nanoTime();
        }
        keys.clear();
        values.clear();
        r.produceSeconds = (producedAt - t0) / 1e9;
        r.sendErrors = (int) sendErrors.get();
        r.firstSendError = firstSendError.get();
        Bench.log("ingest: %,d records produced in %.2f s (%,.0f/s)%s", n, r.produceSeconds, n / r.produceSeconds,
                r.sendErrors > 0 ? ", " + r.sendErrors + " send errors: " + r.firstSendError : "");

        // wait for the order.created events: bounded by the timeout, and by a stall (no progress for stallSeconds)
        long deadline = t0 + Duration.ofSeconds(o.ingestTimeoutSeconds).toNanos();
        long lastProgress = System.nanoTime();
        int lastCount = -1;
        long nextReport = System.nanoTime();
        long nextLagSample = System.nanoTime();
        long lag = 0;
        while (created.size() < n - r.sendErrors) {
            long now = System.nanoTime();
            if (now >= deadline) {
                r.timedOut = true;
                break;
            }
            if (created.size() != lastCount) {
                lastCount = created.size();
                lastProgress = now;
            } else if (now - lastProgress > Duration.ofSeconds(o.stallSeconds).toNanos()) {
                r.timedOut = true;
                r.diagnostics.add("no order.created event of the batch for " + o.stallSeconds + " s: stopped waiting");
                break;
            }
            if (tap.failure() != null) {
                throw new IllegalStateException("order.changes consumer failed", tap.failure());
            }
            if (now >= nextLagSample) {
                lag = safeLag();
                maxLag.accumulateAndGet(lag, Math::max);
                nextLagSample = now + 1_000_000_000L;
            }
            if (now >= nextReport) {
                Bench.log("ingest: %,d/%,d order.created after %.0f s, order-gateway lag on orders.inbound %,d",
                        created.size(), n, (now - t0) / 1e9, lag);
                nextReport = now + 5_000_000_000L;
            }
            Thread.sleep(100);
        }
        CpuMeter.Snapshot cpuEnd = cpu.snapshot();
        tap.close();
        r.arrived = created.size();
        r.duplicates = (int) duplicates.get();
        long last = lastCreatedNanos.get();
        r.elapsedSeconds = r.arrived == 0 ? 0 : (last - t0) / 1e9;
        r.ordersPerSecond = r.arrived == 0 || last <= t0 ? 0 : r.arrived / r.elapsedSeconds;
        r.maxLag = gatewayGroup == null ? -1 : maxLag.get();
        r.diagnostics.addAll(cpu.describe(cpuStart, cpuEnd, 6));
        created.values().forEach(r.orderIds::add);

        // the dead-letter topic: how many records went there during the run, and how many were ours
        try {
            Map<TopicPartition, Long> dlqAfter = kafka.endOffsets(DLQ);
            List<ConsumerRecord<String, String>> dead = kafka.read(DLQ, dlqBefore, dlqAfter, Duration.ofSeconds(30));
            long total = 0;
            for (Map.Entry<TopicPartition, Long> e : dlqAfter.entrySet()) {
                total += e.getValue() - dlqBefore.getOrDefault(e.getKey(), 0L);
            }
            r.dlqRecords = (int) total;
            for (ConsumerRecord<String, String> d : dead) {
                String ext = null;
                try {
                    ext = json.readTree(d.value()).path("tid_str").asText(null);
                } catch (Exception ignored) {
                    // not JSON
                }
                if (ext != null && externalIds.contains(ext)) {
                    r.dlqOurs++;
                }
                if (r.dlqReason == null && d.headers().lastHeader("dead-letter-reason") != null) {
                    r.dlqReason = new String(d.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
                }
            }
        } catch (Exception e) {
            r.diagnostics.add("could not read " + DLQ + ": " + e);
        }

        if (r.arrived < n) {
            // whatever the gateway still has to ingest would load the next measurements: let it drain first
            Bench.log("ingest: %,d of %,d arrived; waiting up to %d s for order-gateway to drain orders.inbound",
                    r.arrived, n, o.drainSeconds);
            r.lagAfterWait = waitForNoLag(o.drainSeconds);
            if (r.lagAfterWait > 0) {
                r.diagnostics.add("order-gateway still had " + r.lagAfterWait + " records of orders.inbound to process "
                        + "when the next measurements started: they run under that extra load");
            }
        }
        return r;
    }

    private String gatewayGroup;

    /** order-gateway's lag on orders.inbound; -1 when unknown (no group found, or Kafka did not answer). */
    private long safeLag() {
        try {
            if (gatewayGroup == null) {
                List<String> groups = kafka.groupsConsuming(INBOUND);
                groups.removeIf(g -> !g.startsWith("order-gateway"));
                if (groups.isEmpty()) {
                    return -1;
                }
                gatewayGroup = groups.get(0);
            }
            return kafka.lag(gatewayGroup, INBOUND);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits (bounded) until order-gateway's consumer group has no lag on orders.inbound; returns the last lag. */
    private long waitForNoLag(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long lag = safeLag();
        long nextLog = System.nanoTime() + 5_000_000_000L;
        while (lag > 0 && System.nanoTime() < deadline) {
            if (System.nanoTime() > nextLog) {
                Bench.log("waiting for order-gateway to catch up on orders.inbound: lag %,d", lag);
                nextLog = System.nanoTime() + 5_000_000_000L;
            }
            Thread.sleep(500);
            lag = safeLag();
        }
        return lag;
    }

    /**
     * Nine digits follow "13" in a receiver_mobile; the first {@code digits} of them are a prefix no stored phone
     * starts with yet, so this run's customers are new and unlinked.
     */
    private static String freePhonePrefix(Connection db, int digits, long runId) throws Exception {
        int space = (int) Math.pow(10, digits);
        int start = (int) ((runId / 60_000) % space);
        try (PreparedStatement ps = db.prepareStatement(
                "select exists (select 1 from customer_identity where kind = 'PHONE' and value like ?)")) {
            for (int k = 0; k < Math.min(space, 200); k++) {
                String prefix = String.format("%0" + digits + "d", (start + k) % space);
                ps.setString(1, "+8613" + prefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return prefix;
                    }
                }
            }
        }
        throw new IllegalStateException("no free phone prefix among 200 tried: too many bench customers in the orders database");
    }
}
