package io.ordercare.bench.logistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.tools.carrier.CarrierSimulator;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.ordercare.tools.carrier.SimulatedScan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark of logistics-watcher on the local stack (run by deploy/bench/logistics-watcher-bench):
 * <ol>
 * <li>seed: N live shipments (default 100,000) started the way order-gateway starts them, by
 * {@code order.status-changed} events to SHIPPED on {@code order.changes};</li>
 * <li>ingest: S carrier scans (default 300,000, SF/Cainiao/UPS formats from the carrier simulator) sent to
 * {@code logistics.tracking} as fast as the producer goes; scans/s = scans stored / (last stored − first sent);</li>
 * <li>alert latency: A more parcels whose silence crosses the stuck threshold (36 h by default) at moments spread
 * over the next seconds, while background scans keep arriving; latency = the alert's Kafka timestamp − the moment
 * its threshold was crossed ({@code thresholdCrossedAt});</li>
 * <li>sweep: the service's own sweep timer ({@code ordercare_logistics_sweep_seconds}) over the whole run, and the
 * plan and execution time of the due-parcels query with every shipment in the table.</li>
 * </ol>
 */
public final class LogisticsBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] CITIES = { "上海市", "北京市", "深圳市", "杭州市", "广州市", "成都市", "武汉市", "南京市" };
    static final String[] CARRIERS = { "SF", "YTO", "ZTO", "JD", "UPS" };

    final Map<String, String> o;
    final String bootstrap;
    final String jdbc;
    final String metrics;
    final String run = "LB" + Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36).toUpperCase(Locale.ROOT);
    final CarrierSimulator simulator = new CarrierSimulator(42);
    final List<String[]> results = new ArrayList<>();

    LogisticsBench(Map<String, String> o) {
        this.o = o;
        this.bootstrap = o.getOrDefault("--bootstrap", "localhost:19092");
        this.jdbc = o.getOrDefault("--jdbc", "jdbc:postgresql://localhost:15432/logistics");
        this.metrics = o.getOrDefault("--metrics", "http://localhost:8084/q/metrics");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        new LogisticsBench(o).runAll();
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    int opt(String name, int def) {
        return Integer.parseInt(o.getOrDefault(name, String.valueOf(def)));
    }

    void runAll() throws Exception {
        int shipments = opt("--shipments", 100_000);
        int scans = opt("--scans", 300_000);
        int alertParcels = opt("--alert-parcels", 500);
        int alertSpread = opt("--alert-spread", 30);
        int backgroundRate = opt("--background-rate", 1000);
        log("run %s: %,d shipments, %,d scans, %d parcels crossing the stuck threshold over %d s (background %d scans/s)",
                run, shipments, scans, alertParcels, alertSpread, backgroundRate);
        try (KafkaProducer<String, String> producer = producer(); Connection db = connect()) {
            List<SimulatedParcel> parcels = seed(producer, db, shipments);
            ingest(producer, db, parcels, scans);
            alerts(producer, db, alertParcels, alertSpread, backgroundRate, parcels);
            sweep(db);
        }
        System.out.println();
        System.out.println("logistics-watcher benchmark, run " + run + " (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        int w0 = results.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int w1 = results.stream().mapToInt(r -> r[1].length()).max().orElse(10);
        for (String[] r : results) {
            System.out.printf("  %-" + w0 + "s  %-" + w1 + "s  %s%n", r[0], r[1], r[2]);
        }
    }

    // ------------------------------------------------------------------------------------------ seed

    List<SimulatedParcel> seed(KafkaProducer<String, String> producer, Connection db, int n) throws Exception {
        // shipped half a day ago: the scans the ingest phase sends are the last hours' (a parcel silent for longer
        // than its route allows would be alerted, which is right, but not what this phase measures)
        Instant shippedAt = Instant.now().minus(Duration.ofHours(12));
        List<SimulatedParcel> parcels = new ArrayList<>(n);
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            parcels.add(new SimulatedParcel(CARRIERS[r.nextInt(CARRIERS.length)], String.format("%s%07d", run, i),
                    CITIES[r.nextInt(CITIES.length)], CITIES[r.nextInt(CITIES.length)], shippedAt));
        }
        log("seed: sending %,d shipped events to order.changes", n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String orderId = run + "-" + i;
            producer.send(new ProducerRecord<>("order.changes", orderId, shippedEvent(orderId, parcels.get(i),
                    LocalDate.now().plusDays(3))));
        }
        producer.flush();
        double sent = seconds(t0);
        long stored = awaitCount(db, "select count(*) from shipment where order_id like '" + run + "-%'", n,
                Duration.ofMinutes(15));
        double secs = seconds(t0);
        log("seed: %,d shipments stored in %.1f s (sent in %.1f s)", stored, secs, sent);
        results.add(new String[] { "shipments started (order.changes)", String.format(Locale.ROOT, "%,.0f /s", stored / secs),
                String.format(Locale.ROOT, "%,d in %.1f s", stored, secs) });
        return parcels;
    }

    String shippedEvent(String orderId, SimulatedParcel p, LocalDate promised) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", "bench:" + orderId);
        e.put("source", "/logistics-bench");
        e.put("type", "order.status-changed");
        e.put("time", p.shippedAt().toString());
        e.put("subject", orderId);
        ObjectNode data = e.putObject("data");
        data.put("orderId", orderId);
        data.put("customerId", "C" + orderId);
        data.put("status", "SHIPPED");
        data.put("previousStatus", "PACKING");
        ObjectNode s = data.putObject("shipment");
        s.put("carrier", p.carrier());
        s.put("trackingNumber", p.trackingNumber());
        s.put("origin", p.origin());
        s.put("destination", p.destination());
        s.put("promisedDeliveryDate", promised.toString());
        s.put("shippedAt", p.shippedAt().toString());
        return e.toString();
    }

    // ------------------------------------------------------------------------------------------ ingest

    void ingest(KafkaProducer<String, String> producer, Connection db, List<SimulatedParcel> parcels, int n)
            throws Exception {
        // the first in-transit scans of each parcel's journey (never a delivery: the orders are not in order-gateway)
        log("ingest: preparing %,d scans", n);
        List<ProducerRecord<String, String>> records = new ArrayList<>(n);
        Map<SimulatedParcel, List<SimulatedScan>> scripts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SimulatedParcel p = parcels.get(i % parcels.size());
            List<SimulatedScan> script = scripts.computeIfAbsent(p, x -> simulator.script(x, Scenario.DELIVERED));
            // every scan but the delivery, each once: a repeat would be stored once and never counted
            int step = i / parcels.size();
            if (step >= script.size() - 1) {
                throw new IllegalArgumentException("--scans may be at most " + (script.size() - 1) + " x --shipments");
            }
            SimulatedScan s = script.get(step);
            records.add(new ProducerRecord<>("logistics.tracking", p.trackingNumber(), simulator.event(p, s)));
        }
        scripts.clear();
        long before = count(db, "select count(*) from scan where tracking_number like '" + run + "%'");
        log("ingest: sending");
        long t0 = System.nanoTime();
        for (ProducerRecord<String, String> r : records) {
            producer.send(r);
        }
        producer.flush();
        double sent = seconds(t0);
        long stored = awaitCount(db, "select count(*) from scan where tracking_number like '" + run + "%'", before + n,
                Duration.ofMinutes(15)) - before;
        double secs = seconds(t0);
        log("ingest: %,d scans stored in %.1f s (producer done after %.1f s)", stored, secs, sent);
        results.add(new String[] { "scans ingested (logistics.tracking)", String.format(Locale.ROOT, "%,.0f /s", stored / secs),
                String.format(Locale.ROOT, "%,d in %.1f s; target >= 5,000/s: %s", stored, secs,
                        stored / secs >= 5000 ? "met" : "MISSED") });
    }

    // ------------------------------------------------------------------------------------------ alerts

    void alerts(KafkaProducer<String, String> producer, Connection db, int n, int spreadSeconds, int backgroundRate,
            List<SimulatedParcel> live) throws Exception {
        Duration stuckAfter = Duration.ofHours(36);
        Instant first = Instant.now().plusSeconds(20);
        String origin = "BENCH-" + run;
        List<SimulatedParcel> parcels = new ArrayList<>();
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Instant crossing = first.plusMillis((long) i * spreadSeconds * 1000 / Math.max(1, n));
            // shipped 36 h before its crossing and never scanned since: it crosses the threshold at 'crossing'
            parcels.add(new SimulatedParcel("SF", String.format("%sA%05d", run, i), origin, "上海市",
                    crossing.minus(stuckAfter)));
            orders.add(run + "-A" + i);
        }
        Map<String, Long> latencies = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread tap = new Thread(() -> consumeAlerts(orders, latencies, stop, assigned), "alert-tap");
        tap.start();
        // the tap reads from the end of the topic: it must own its partitions before anything can cross
        if (!assigned.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the alert tap got no partitions of logistics.alerts within 60 s");
        }
        for (int i = 0; i < n; i++) {
            String orderId = run + "-A" + i;
            producer.send(new ProducerRecord<>("order.changes", orderId, shippedEvent(orderId, parcels.get(i),
                    LocalDate.now().plusDays(5))));
        }
        producer.flush();
        log("alerts: %d parcels shipped; they cross the stuck threshold from %s over %d s", n, first, spreadSeconds);
        // background traffic: more scans of the live shipments while the alerts are due
        AtomicLong background = new AtomicLong();
        Thread load = new Thread(() -> {
            java.util.Random r = new java.util.Random(5);
            long start = System.nanoTime();
            while (!stop.get()) {
                long due = (System.nanoTime() - start) * backgroundRate / 1_000_000_000L;
                while (background.get() < due) {
                    SimulatedParcel p = live.get(r.nextInt(live.size()));
                    SimulatedScan s = simulator.script(p, Scenario.DELIVERED).get(4);
                    producer.send(new ProducerRecord<>("logistics.tracking", p.trackingNumber(), simulator.event(p, s)));
                    background.incrementAndGet();
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "background-scans");
        load.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(spreadSeconds + 80).toNanos();
        while (latencies.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        stop.set(true);
        load.join();
        tap.join();
        long[] ms = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        log("alerts: %d of %d stuck alerts received; %,d background scans sent", ms.length, n, background.get());
        if (ms.length == 0) {
            results.add(new String[] { "stuck alert latency", "n/a", "no alert arrived" });
            return;
        }
        long p50 = ms[(int) Math.ceil(0.5 * ms.length) - 1];
        long p99 = ms[(int) Math.ceil(0.99 * ms.length) - 1];
        results.add(new String[] { "stuck alert latency (crossing -> Kafka)",
                String.format(Locale.ROOT, "p99 %d ms", p99), String.format(Locale.ROOT,
                        "p50 %d ms, max %d ms, %d/%d alerts, %,d live shipments; target p99 <= 1,000 ms: %s", p50,
                        ms[ms.length - 1], ms.length, n, count(db, "select count(*) from shipment where next_check_at is not null"),
                        p99 <= 1000 && ms.length == n ? "met" : "MISSED") });
    }

    void consumeAlerts(Set<String> orders, Map<String, Long> latencies, AtomicBoolean stop,
            java.util.concurrent.CountDownLatch assigned) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "logistics-bench-" + run);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of("logistics.alerts"));
            while (!stop.get()) {
                var polled = c.poll(Duration.ofMillis(100));
                if (!c.assignment().isEmpty()) {
                    // the starting positions are fixed once a position is known for every partition
                    c.assignment().forEach(c::position);
                    assigned.countDown();
                }
                for (ConsumerRecord<String, String> r : polled) {
                    if (!orders.contains(r.key()) || !r.value().contains("\"shipment.stuck\"")) {
                        continue;
                    }
                    try {
                        JsonNode data = JSON.readTree(r.value()).get("data");
                        Instant crossed = Instant.parse(data.get("thresholdCrossedAt").asText());
                        latencies.putIfAbsent(r.key(), r.timestamp() - crossed.toEpochMilli());
                    } catch (Exception e) {
                        log("unreadable alert: %s", e.getMessage());
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ sweep

    void sweep(Connection db) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Map<String, String> m = new HashMap<>();
        text.lines().filter(l -> l.startsWith("ordercare_logistics_sweep_seconds")).forEach(l -> {
            String sample = l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l; // without the exemplar
            int sp = sample.lastIndexOf(' ');
            m.put(sample.substring(0, sp), sample.substring(sp + 1));
        });
        double count = number(m, "ordercare_logistics_sweep_seconds_count");
        double sum = number(m, "ordercare_logistics_sweep_seconds_sum");
        double max = number(m, "ordercare_logistics_sweep_seconds_max");
        double p99 = m.entrySet().stream().filter(e -> e.getKey().contains("quantile=\"0.99\"")).mapToDouble(
                e -> Double.parseDouble(e.getValue())).findFirst().orElse(Double.NaN);
        long total = count(db, "select count(*) from shipment");
        List<String> plan = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                explain (analyze, buffers) select id from shipment where next_check_at <= now()
                 order by next_check_at limit 1000""")) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        String exec = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
        String scan = plan.stream().filter(l -> l.contains("Scan")).map(String::strip).findFirst().orElse("?");
        log("sweep query plan:%n  %s", String.join("\n  ", plan));
        results.add(new String[] { "sweep transaction (service timer)", String.format(Locale.ROOT, "p99 %.1f ms",
                p99 * 1000), String.format(Locale.ROOT, "mean %.1f ms, max %.1f ms over %,.0f sweeps (max includes bursts of due parcels)",
                        count == 0 ? 0 : sum / count * 1000, max * 1000, count) });
        results.add(new String[] { "due-parcels query, " + String.format(Locale.ROOT, "%,d shipments", total),
                exec.replace("Execution Time: ", ""), scan.length() > 90 ? scan.substring(0, 90) + "..." : scan });
    }

    static double number(Map<String, String> m, String prefix) {
        return m.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(e -> Double.parseDouble(e.getValue()))
                .findFirst().orElse(Double.NaN);
    }

    // ------------------------------------------------------------------------------------------ plumbing

    KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(256L * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p);
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(jdbc, o.getOrDefault("--db-user", "logistics"),
                o.getOrDefault("--db-password", "logistics"));
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long awaitCount(Connection db, String sql, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastLog = System.nanoTime();
        while (System.nanoTime() < deadline) {
            last = count(db, sql);
            if (last >= expected) {
                return last;
            }
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                log("  ... %,d of %,d", last, expected);
                lastLog = System.nanoTime();
            }
            Thread.sleep(250);
        }
        log("timed out at %,d of %,d", last, expected);
        return last;
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
