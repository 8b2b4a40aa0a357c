package io.ordercare.bench.returns;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of returns-service on the local stack (run by deploy/bench/returns-service-bench), JDK only:
 * <ol>
 * <li>setup: O delivered orders in order-gateway (one line of 1,000 units each, so every refund of one unit is a new
 * refund), through its REST API;</li>
 * <li>eligibility: C concurrent clients post explained eligibility checks ({@code POST /api/returns/eligibility}, each
 * reading the order from order-gateway over gRPC) for D seconds → checks/s, p50/p99/max latency;</li>
 * <li>refunds: C concurrent clients request N refunds of one unit, each with its own idempotency key, spread over the
 * orders ({@code POST /api/refunds}: order read, order lock, proration, ledger row, audit, outbox event) → refunds/s,
 * p50/p99/max latency; then the same N requests again (idempotent replays) → replays/s; then the time until the
 * embedded provider has confirmed every payout (PAID).</li>
 * </ol>
 */
public final class ReturnsBench {

    static String url = "http://localhost:8083";
    static String gateway = "http://localhost:8081";
    static int orders = 32;
    static int concurrency = 16;
    static int seconds = 20;
    static int refunds = 2000;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"?([A-Za-z0-9-]+)\"?");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    static final Pattern ITEM_ID = Pattern.compile("\"items\":\\[\\{\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--gateway" -> gateway = args[i + 1];
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--refunds" -> refunds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long run = System.currentTimeMillis() / 1000;
        System.out.printf("setup: %d delivered orders in order-gateway ...%n", orders);
        List<String[]> made = new ArrayList<>(); // order id, item id
        for (int i = 0; i < orders; i++) {
            made.add(deliveredOrder(run * 1000 + i));
        }
        warmUp(made);

        // ---- eligibility checks
        Stats eligibility = new Stats();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String[] o = made.get(Math.floorMod(next.getAndIncrement(), made.size()));
                    String body = "{\"orderId\":\"" + o[0] + "\",\"reason\":\"NO_REASON\",\"items\":[{\"itemId\":" + o[1]
                            + ",\"quantity\":1}]}";
                    eligibility.time(() -> post(url + "/api/returns/eligibility", body), 200);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double eligibilitySeconds = (System.nanoTime() - t0) / 1e9;

        // ---- refunds, each new
        Stats refundStats = new Stats();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < refunds; i++) {
            String[] o = made.get(i % made.size());
            bodies.add("{\"idempotencyKey\":\"bench-" + run + "-" + i + "\",\"orderId\":\"" + o[0]
                    + "\",\"reason\":\"WRONG_ITEM\",\"actor\":\"bench\",\"items\":[{\"itemId\":" + o[1]
                    + ",\"quantity\":1}]}");
        }
        double refundSeconds = fire(pool, bodies, refundStats, 201);
        Stats replayStats = new Stats();
        double replaySeconds = fire(pool, bodies, replayStats, 200);
        pool.shutdown();

        // ---- until every payout is confirmed
        long paidStart = System.nanoTime();
        long unpaid = Long.MAX_VALUE;
        while (unpaid > 0 && System.nanoTime() - paidStart < Duration.ofMinutes(5).toNanos()) {
            unpaid = 0;
            for (String[] o : made) {
                String list = get(url + "/api/refunds?orderId=" + o[0]);
                unpaid += count(list, "\"status\":\"PENDING\"") + count(list, "\"status\":\"SUBMITTED\"");
            }
            if (unpaid > 0) {
                Thread.sleep(500);
            }
        }
        double allPaidAfter = (System.nanoTime() - t0 - (long) ((eligibilitySeconds) * 1e9)) / 1e9;

        System.out.println();
        System.out.printf("returns-service benchmark, run %d (%s, %d clients, %d orders)%n", run, url, concurrency, orders);
        System.out.printf("eligibility checks: %,d in %.1f s = %,.0f checks/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d%n",
                eligibility.count(), eligibilitySeconds, eligibility.count() / eligibilitySeconds, eligibility.p(50),
                eligibility.p(99), eligibility.max(), eligibility.errors.get());
        System.out.printf("refunds (new):      %,d in %.1f s = %,.0f refunds/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d%n",
                refundStats.count(), refundSeconds, refundStats.count() / refundSeconds, refundStats.p(50),
                refundStats.p(99), refundStats.max(), refundStats.errors.get());
        System.out.printf("refunds (replayed): %,d in %.1f s = %,.0f replays/s; latency p50 %.1f ms, p99 %.1f ms; errors %d%n",
                replayStats.count(), replaySeconds, replayStats.count() / replaySeconds, replayStats.p(50),
                replayStats.p(99), replayStats.errors.get());
        System.out.printf("all %,d refunds PAID %.1f s after the first refund request (%s)%n", refunds, allPaidAfter,
                unpaid == 0 ? "confirmed by the embedded provider" : unpaid + " still unpaid");
        System.exit(0);
    }

    static double fire(ExecutorService pool, List<String> bodies, Stats stats, int expected) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    String body = bodies.get(i);
                    stats.time(() -> post(url + "/api/refunds", body), expected);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static void warmUp(List<String[]> made) {
        for (int i = 0; i < 200; i++) {
            String[] o = made.get(i % made.size());
            post(url + "/api/returns/eligibility", "{\"orderId\":\"" + o[0]
                    + "\",\"reason\":\"NO_REASON\",\"items\":[{\"itemId\":" + o[1] + ",\"quantity\":1}]}");
        }
    }

    /** A Taobao order of 1,000 units at 10.00, confirmed, packed, shipped and delivered. */
    static String[] deliveredOrder(long n) {
        String tid = String.valueOf(3800000000000000000L + n);
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String payload = """
                {"tid": %s, "tid_str": "%s", "type": "fixed", "status": "WAIT_SELLER_SEND_GOODS",
                 "buyer_nick": "bench_%d", "seller_nick": "bench shop", "created": "%s", "pay_time": "%s", "modified": "%s",
                 "total_fee": "10000.00", "discount_fee": "0.00", "post_fee": "0.00", "payment": "10000.00",
                 "alipay_no": "BENCH%d", "receiver_name": "张三", "receiver_mobile": "13812345678", "receiver_phone": "",
                 "receiver_country": "", "receiver_state": "浙江省", "receiver_city": "杭州市", "receiver_district": "西湖区",
                 "receiver_town": "文新街道", "receiver_address": "文一西路969号3幢501室", "receiver_zip": "310012",
                 "orders": {"order": [{"oid": %d, "num_iid": 680012345678, "sku_id": "5012345678901",
                   "outer_sku_id": "BENCH-MUG", "title": "陶瓷马克杯 办公室", "sku_properties_name": "颜色分类:白色",
                   "num": 1000, "price": "10.00", "total_fee": "10000.00", "discount_fee": "0.00", "payment": "10000.00",
                   "divide_order_fee": "10000.00", "cid": 50000436, "status": "WAIT_SELLER_SEND_GOODS",
                   "refund_status": "NO_REFUND"}]}}""".formatted(tid, tid, n, now, now, now, n, 3800000000000000000L + n);
        String created = expect(post(gateway + "/api/orders", payload), 201);
        String id = group(ID, created);
        String item = group(ITEM_ID, created);
        String v = group(VERSION, created);
        v = group(VERSION, expect(post(gateway + "/api/orders/" + id + "/confirm", "{\"expectedVersion\":" + v + "}"), 200));
        v = group(VERSION, expect(post(gateway + "/api/orders/" + id + "/status", "{\"expectedVersion\":" + v
                + ",\"status\":\"PACKING\"}"), 200));
        v = group(VERSION, expect(post(gateway + "/api/orders/" + id + "/shipment", "{\"expectedVersion\":" + v
                + ",\"actor\":\"bench\",\"carrier\":\"SF\",\"trackingNumber\":\"SFB" + n + "\",\"origin\":\"深圳市\","
                + "\"promisedDeliveryDate\":\"" + java.time.LocalDate.now().plusDays(3) + "\"}"), 200));
        expect(post(gateway + "/api/orders/" + id + "/status", "{\"expectedVersion\":" + v + ",\"status\":\"DELIVERED\"}"), 200);
        return new String[] { id, item };
    }

    static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + s);
        }
        return m.group(1);
    }

    static long count(String s, String what) {
        long n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static HttpResponse<String> post(String to, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(to)).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(to + ": " + e, e);
        }
    }

    static String get(String to) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(to + ": " + e, e);
        }
    }

    /** Latencies of successful calls; calls with another status count as errors. */
    static final class Stats {
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        private long[] sorted;

        void time(java.util.function.Supplier<HttpResponse<String>> call, int expected) {
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = call.get();
                if (r.statusCode() == expected) {
                    nanos.add(System.nanoTime() - t);
                } else {
                    if (errors.incrementAndGet() <= 3) {
                        System.err.println("unexpected " + r.statusCode() + ": " + r.body());
                    }
                }
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        }

        long count() {
            return nanos.size();
        }

        double p(double percentile) {
            if (sorted == null) {
                sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
        }

        double max() {
            return p(100);
        }
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }

    private ReturnsBench() {
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}
