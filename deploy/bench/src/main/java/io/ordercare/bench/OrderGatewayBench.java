package io.ordercare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order-gateway benchmark, measurements 2 to 5 (the pgbench baseline, measurement 1, is run by the
 * script and passed in with --pgbench-tps). Prints progress while it runs and the result table at the end.
 * Exit status: 0 when every measurement ran (targets met or not, see the verdicts), 1 when one could not run,
 * 2 on bad arguments.
 */
public final class OrderGatewayBench {

    private static final double INGEST_TARGET = 2_000;
    private static final long LOOKUP_P99_TARGET_NANOS = 5_000_000;
    private static final long CDC_P50_TARGET_NANOS = 100_000_000;
    private static final long CDC_P99_TARGET_NANOS = 500_000_000;

    private OrderGatewayBench() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new OrderGatewayBench().run(o);
        } catch (IllegalStateException e) { // a precondition, said in plain words
            System.err.println("bench: " + e.getMessage());
            status = 1;
        } catch (Throwable e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // also ends any client thread still lingering
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> notes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private int run(Options o) throws Exception {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"));
        checkGatewayReady(o);
        CpuMeter cpu = new CpuMeter(o.clockTicks, o.gatewayPid, o.kafkaPid, o.postgresPid);
        if (!cpu.available()) {
            notes.add("no /proc here: no CPU breakdown");
        }

        IngestPhase.Result ingest = null;
        LookupPhase.Result closed = null;
        LookupPhase.Result open = null;
        CdcPhase.Result cdc = null;
        double openRate = Double.NaN;
        String openRateWhy = "";

        try (Kafka kafka = new Kafka(o.kafka)) {
            // 2. ingest
            Bench.log("2/5 ingest: %,d orders to orders.inbound", o.orders);
            List<String> ids = List.of();
            if (o.phases.contains("ingest")) {
                try (Connection db = connectOrFail(o)) {
                    ingest = new IngestPhase(kafka, json, o).run(db, cpu);
                    Bench.log("ingest: %,d of %,d arrived, %s orders/s", ingest.arrived, ingest.requested,
                            Bench.num(ingest.ordersPerSecond));
                    ids = ingest.orderIds;
                } catch (Exception e) {
                    fail("ingest", e);
                }
            } else {
                ids = newestOrders(o);
                notes.add("ingest not run (--phases): lookups and updates use the " + ids.size() + " newest orders");
            }

            try (LookupPhase lookups = new LookupPhase(o.http, Math.max(o.concurrency, o.openLoopConnections))) {
                // 3. closed-loop lookups
                if (!o.phases.contains("closed")) {
                    // not asked for
                } else if (ids.isEmpty()) {
                    errors.add("lookups: no seeded order ids (ingest produced no order.created event)");
                } else {
                    Bench.log("3/5 lookups, closed loop: %d connections, %d s warm-up + %d s over %,d seeded orders",
                            o.concurrency, o.warmupSeconds, o.seconds, ids.size());
                    try {
                        CpuMeter.Snapshot a = cpu.snapshot();
                        closed = lookups.closedLoop(ids, o.concurrency, o.warmupSeconds, o.seconds);
                        closed.diagnostics.addAll(cpu.describe(a, cpu.snapshot(), 6));
                        Bench.log("lookups closed loop: %s req/s, %s, errors: %s", Bench.num(closed.okPerSecond),
                                closed.latency.summary(), closed.errorSummary());
                    } catch (Exception e) {
                        fail("lookups (closed loop)", e);
                    }
                }
                // 4. open-loop lookups at half the pgbench rate, capped at what the closed loop reached
                if (!ids.isEmpty() && o.phases.contains("open")) {
                    double half = o.pgbenchTps / 2;
                    double cap = closed == null ? Double.NaN : closed.okPerSecond;
                    if (!Double.isNaN(half) && !Double.isNaN(cap) && cap > 0) {
                        openRate = Math.min(half, cap);
                        openRateWhy = half <= cap
                                ? "½ pgbench = " + Bench.num(half) + "/s"
                                : "½ pgbench = " + Bench.num(half) + "/s, capped at closed loop " + Bench.num(cap) + "/s";
                    } else if (!Double.isNaN(half)) {
                        openRate = half;
                        openRateWhy = "½ pgbench = " + Bench.num(half) + "/s (no closed-loop cap)";
                    } else if (!Double.isNaN(cap) && cap > 0) {
                        openRate = cap / 2;
                        openRateWhy = "no pgbench baseline: ½ closed loop = " + Bench.num(openRate) + "/s";
                    }
                    if (Double.isNaN(openRate) || openRate < 1) {
                        errors.add("lookups (open loop): no rate to run at (neither pgbench nor the closed loop gave one)");
                    } else {
                        Bench.log("4/5 lookups, open loop at %s req/s for %d s (%s)", Bench.num(openRate), o.seconds, openRateWhy);
                        try {
                            CpuMeter.Snapshot a = cpu.snapshot();
                            open = lookups.openLoop(ids, openRate, o.seconds, o.openLoopConnections);
                            open.diagnostics.addAll(cpu.describe(a, cpu.snapshot(), 4));
                            Bench.log("lookups open loop: %s, achieved %s req/s, errors: %s", open.latency.summary(),
                                    Bench.num(open.okPerSecond), open.errorSummary());
                        } catch (Exception e) {
                            fail("lookups (open loop)", e);
                        }
                    }
                }
            }

            // 5. commit -> CDC event
            if (!o.phases.contains("cdc")) {
                // not asked for
            } else if (ids.isEmpty()) {
                errors.add("commit→event: no seeded order ids to update");
            } else {
                Bench.log("5/5 commit → order.changes: %s UPDATE/s for %d s over %d JDBC connections",
                        Bench.num(o.cdcRate), o.cdcSeconds, o.cdcConnections);
                try {
                    cdc = new CdcPhase(kafka, json, o).run(ids, cpu);
                    Bench.log("commit→event: client %s; event time %s; %,d/%,d received", cdc.clientLatency.summary(),
                            cdc.eventTimeLatency.summary(), cdc.received, cdc.expected);
                } catch (Exception e) {
                    fail("commit→event", e);
                }
            }
        }
        String gatewayMetrics = gatewayCdcMetrics(o);

        String table = table(o, started, ingest, closed, open, openRate, openRateWhy, cdc, gatewayMetrics);
        if (o.out != null) { // the script prints it at its end
            Files.createDirectories(o.out.toAbsolutePath().getParent());
            Files.writeString(o.out, table, StandardCharsets.UTF_8);
            Bench.log("results written to %s", o.out);
        } else {
            System.out.println();
            System.out.print(table);
        }
        return errors.isEmpty() ? 0 : 1;
    }

    private void fail(String what, Exception e) {
        String msg = what + ": " + e;
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            msg += " (cause: " + cause + ")";
        }
        errors.add(msg);
        System.err.println("bench: " + msg);
    }

    private static List<String> newestOrders(Options o) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = connectOrFail(o);
                java.sql.PreparedStatement ps = db.prepareStatement("select id from orders order by created_at desc limit ?")) {
            ps.setInt(1, o.orders);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static Connection connectOrFail(Options o) throws Exception {
        try {
            return o.connect();
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + o.jdbcUrl + " as " + o.dbUser + ": " + e.getMessage(), e);
        }
    }

    private static void checkGatewayReady(Options o) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(o.http.replaceAll("/$", "") + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("order-gateway at " + o.http + " is not ready (HTTP " + resp.statusCode()
                        + "): " + resp.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("order-gateway does not answer at " + o.http + ": " + e, e);
        }
    }

    /** order-gateway's own view of the CDC path (its Micrometer timer), for comparison; empty when unavailable. */
    private static String gatewayCdcMetrics(Options o) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(o.http.replaceAll("/$", "") + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (String line : resp.body().split("\n")) {
                if (line.startsWith("ordercare_cdc_commit_to_publish_seconds{") && line.contains("quantile")) {
                    String q = line.replaceAll(".*quantile=\"([0-9.]+)\".*", "$1");
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    sb.append(sb.length() == 0 ? "" : ", ").append("p").append(Math.round(Double.parseDouble(q) * 100))
                            .append(' ').append(Samples.ms((long) (v * 1e9)));
                }
            }
            return sb.toString();
        } catch (Exception e) {
            return "";
        }
    }

    private String table(Options o, String started, IngestPhase.Result ingest, LookupPhase.Result closed,
            LookupPhase.Result open, double openRate, String openRateWhy, CdcPhase.Result cdc, String gatewayMetrics) {
        Bench.Table t = new Bench.Table("#", "measurement", "result", "target", "verdict");
        boolean havePg = !Double.isNaN(o.pgbenchTps);

        // 1. pgbench
        t.row("1", "pgbench -S baseline (same PostgreSQL)\nscale 10, 8 clients, 2 threads, 20 s",
                havePg ? Bench.num(o.pgbenchTps) + " TPS" : "not measured: " + o.pgbenchNote,
                "(baseline)", havePg ? "-" : "n/a");

        // 2. ingest
        String m2 = "ingest: orders.inbound → order.created\n" + Bench.num(o.orders)
                + " Taobao orders, bare payload + platform header";
        if (ingest == null && !o.phases.contains("ingest")) {
            t.row("2", m2, "not run (--phases)", "≥ 2,000 orders/s, none lost", "-");
        } else if (ingest == null) {
            t.row("2", m2, "NOT MEASURED (see errors)", "≥ 2,000 orders/s, none lost", "ERROR");
        } else {
            boolean all = ingest.arrived == ingest.requested;
            String res = Bench.num(ingest.ordersPerSecond) + " orders/s" + (all ? "" : " (rate so far)") + "\n"
                    + String.format(Locale.ROOT, "%,d of %,d arrived %s in %.1f s", ingest.arrived, ingest.requested,
                            all ? "(none lost)" : "(" + Bench.num(ingest.requested - ingest.arrived) + " missing"
                                    + (ingest.timedOut ? ", gave up waiting" : "") + ")", ingest.elapsedSeconds) + "\n"
                    + String.format(Locale.ROOT, "produced in %.1f s (%s/s)%s", ingest.produceSeconds,
                            Bench.num(ingest.requested / Math.max(1e-9, ingest.produceSeconds)),
                            ingest.sendErrors > 0 ? ", " + ingest.sendErrors + " send errors" : "") + "\n"
                    + "orders.inbound.dlq: " + (ingest.dlqRecords < 0 ? "unknown" : ingest.dlqRecords + " records ("
                            + ingest.dlqOurs + " of this batch)") + "\n"
                    + "max order-gateway lag " + (ingest.maxLag < 0 ? "unknown" : Bench.num(ingest.maxLag) + " records")
                    + (ingest.duplicates > 0 ? "\n" + ingest.duplicates + " duplicate order.created" : "");
            boolean pass = all && ingest.ordersPerSecond >= INGEST_TARGET;
            t.row("2", m2, res, "≥ 2,000 orders/s\nnone lost", pass ? "PASS" : "FAIL");
        }

        // 3. closed loop
        String m3 = "lookup throughput, closed loop\nGET /api/orders/{id}, " + o.concurrency + " connections,\n"
                + o.seconds + " s after " + o.warmupSeconds + " s warm-up";
        String target3 = havePg ? "≥ 0.5 × pgbench -S\n= " + Bench.num(o.pgbenchTps / 2) + " req/s" : "≥ 0.5 × pgbench -S";
        if (closed == null && !o.phases.contains("closed")) {
            t.row("3", m3, "not run (--phases)", target3, "-");
        } else if (closed == null) {
            t.row("3", m3, "NOT MEASURED (see errors)", target3, "ERROR");
        } else {
            String res = Bench.num(closed.okPerSecond) + " req/s (HTTP 200 only)\n" + closed.latency.summary().replace(", max", "\nmax")
                    + "\nerrors: " + closed.errorSummary();
            String verdict = !havePg ? "n/a" : closed.okPerSecond >= o.pgbenchTps / 2 ? "PASS" : "FAIL";
            t.row("3", m3, res, target3, verdict);
        }

        // 4. open loop
        String m4 = "lookup latency, open loop (fixed rate)\n"
                + (Double.isNaN(openRate) ? "" : Bench.num(openRate) + " req/s for " + o.seconds + " s\n" + openRateWhy + "\n")
                + "latency from the scheduled start";
        String target4 = "p99 ≤ 5 ms\nat ½ the pgbench load";
        if (open == null && !o.phases.contains("open")) {
            t.row("4", m4, "not run (--phases)", target4, "-");
        } else if (open == null) {
            t.row("4", m4, "NOT MEASURED (see errors)", target4, "ERROR");
        } else {
            String res = open.latency.summary().replace(", max", "\nmax") + "\n"
                    + "achieved " + Bench.num(open.okPerSecond) + " req/s (scheduled " + Bench.num(open.targetRate) + ")\n"
                    + "errors: " + open.errorSummary();
            boolean pass = open.latency.count() > 0 && open.latency.quantile(0.99) <= LOOKUP_P99_TARGET_NANOS
                    && open.errorCount() == 0 && open.okPerSecond >= 0.95 * open.targetRate;
            t.row("4", m4, res, target4, pass ? (havePg ? "PASS" : "PASS*") : "FAIL");
        }

        // 5. CDC
        String m5 = "commit → order.changes event\n" + Bench.num(o.cdcRate) + " single-row UPDATE/s for " + o.cdcSeconds
                + " s\n(JDBC autocommit, role orders)";
        String target5 = "p50 ≤ 100 ms, p99 ≤ 500 ms\nat 1,000 changes/s\nnone lost";
        if (cdc == null && !o.phases.contains("cdc")) {
            t.row("5", m5, "not run (--phases)", target5, "-");
        } else if (cdc == null) {
            t.row("5", m5, "NOT MEASURED (see errors)", target5, "ERROR");
        } else {
            String res = "executeUpdate returned → received:\n  " + cdc.clientLatency.summary() + "\n"
                    + "event time (DB commit) → received:\n  " + cdc.eventTimeLatency.summary() + "\n"
                    + "achieved " + Bench.num(cdc.achievedRate) + " changes/s\n"
                    + String.format(Locale.ROOT, "%,d events expected, %,d received", cdc.expected, cdc.received)
                    + (cdc.updateErrors > 0 ? "\n" + cdc.updateErrors + " failed UPDATEs: " + cdc.firstUpdateError : "");
            boolean pass = cdc.clientLatency.count() > 0
                    && cdc.clientLatency.quantile(0.5) <= CDC_P50_TARGET_NANOS
                    && cdc.clientLatency.quantile(0.99) <= CDC_P99_TARGET_NANOS
                    && cdc.received == cdc.expected && cdc.updateErrors == 0
                    && cdc.achievedRate >= 0.95 * o.cdcRate && o.cdcRate >= 1000;
            t.row("5", m5, res, target5, pass ? "PASS" : "FAIL");
        }

        StringBuilder sb = new StringBuilder();
        sb.append("order-gateway benchmark, ").append(started).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, gateway ").append(o.http)
                .append(", Kafka ").append(o.kafka).append('\n');
        sb.append(t.render());
        List<String> details = new ArrayList<>();
        if (ingest != null) {
            ingest.diagnostics.forEach(d -> details.add("ingest: " + d));
            if (ingest.dlqReason != null) {
                details.add("ingest: first dead-letter reason: " + ingest.dlqReason);
            }
        }
        if (closed != null) {
            closed.diagnostics.forEach(d -> details.add("closed loop: " + d));
        }
        if (open != null) {
            open.diagnostics.forEach(d -> details.add("open loop: " + d));
            details.add(String.format(Locale.ROOT, "open loop: the generator sent each request at most %s after its slot",
                    Samples.ms(open.maxLateNanos)));
            if (closed != null && openRate >= closed.okPerSecond) {
                details.add("open loop: its rate is the closed loop's maximum, i.e. the service at saturation: any "
                        + "slowdown (cache expiry, GC, other processes) builds a queue that the latency includes");
            }
        }
        if (cdc != null) {
            cdc.diagnostics.forEach(d -> details.add("commit→event: " + d));
            details.add("commit→event: the UPDATE writers started each statement at most " + Samples.ms(cdc.maxLateNanos)
                    + " after its slot");
        }
        if (!gatewayMetrics.isEmpty()) {
            details.add("order-gateway's own timer ordercare.cdc.commit-to-publish (since its start): " + gatewayMetrics);
        }
        details.addAll(notes);
        if (!details.isEmpty()) {
            sb.append("Details:\n");
            details.forEach(d -> sb.append("  - ").append(d).append('\n'));
        }
        if (!errors.isEmpty()) {
            sb.append("Errors:\n");
            errors.forEach(e -> sb.append("  - ").append(e).append('\n'));
        }
        return sb.toString();
    }
}
