package io.ordercare.bench.dialog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of dialog-service on the local stack (run by deploy/bench/dialog-service-bench), JDK only:
 * <ol>
 * <li>setup: N customers (default 200), each with one Taobao order in order-gateway, half of them left PLACED, half
 * confirmed; half of the customers write Chinese, half English;</li>
 * <li>warm-up: W chat turns (default 300), not measured;</li>
 * <li>order turns: C concurrent clients (default 8) for S seconds (default 30); each turn is a random customer asking
 * on channel APP (verified, so the service reads the order from order-gateway over gRPC) where the order is, in a new
 * conversation or one of theirs continued, in one of several phrasings of the customer's language. An answer counts as
 * correct when it is 200 with a non-empty reply that names the order's external id; the others are failures, counted
 * and printed by kind with an example. → turns/s, p50/p90/p99/max latency of the correct turns, failures;</li>
 * <li>NLU over HTTP: one client posts {@code /api/nlu/parse} for S/2 seconds → p50/p99 (HTTP included).</li>
 * </ol>
 * It measures and prints; it asserts nothing. Its orders, customers and conversations stay behind.
 */
public final class DialogBench {

    static String url = "http://localhost:8082";
    static String gateway = "http://localhost:8081";
    static int customers = 200;
    static int concurrency = 8;
    static int seconds = 30;
    static int warmup = 300;

    /** Share of turns that continue one of the customer's earlier conversations (when it has one). */
    static final double CONTINUE = 0.5;

    static final List<String> ZH = List.of("我的订单到哪了", "什么时候发货", "我的快递到哪了", "订单什么时候到",
            "我买的东西发货了吗", "帮我查一下物流");
    static final List<String> EN = List.of("where is my order?", "when will my order arrive", "has my order shipped yet?",
            "where's my package", "track my order", "what is the status of my order");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9-]+)\"");
    static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\":\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    /** One benchmark customer: platform id, order id and external id, the order's status, the language it writes. */
    record Customer(int n, String platformId, String orderId, String externalId, String status, String lang) {
        List<String> phrasings() {
            return "zh".equals(lang) ? ZH : EN;
        }
    }

    static final ConcurrentHashMap<Integer, String> CONVERSATIONS = new ConcurrentHashMap<>();
    static final AtomicLong CONVERSATION_SEQ = new AtomicLong();
    static long run;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--gateway" -> gateway = args[i + 1];
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (customers < 2 || concurrency < 1 || seconds < 2 || warmup < 0) {
            throw new IllegalArgumentException("need --customers >= 2, --concurrency >= 1, --seconds >= 2, --warmup >= 0");
        }
        run = System.currentTimeMillis() / 1000;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);

        // ---- setup
        progress("setup: %d customers with one Taobao order each in order-gateway (%s) ...", customers, gateway);
        long setupStart = System.nanoTime();
        List<Future<Customer>> made = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            int n = i;
            made.add(pool.submit(() -> customer(n)));
        }
        List<Customer> all = new ArrayList<>();
        for (Future<Customer> f : made) {
            all.add(f.get());
        }
        Map<String, Integer> mix = new TreeMap<>();
        for (Customer c : all) {
            mix.merge(c.status() + "/" + c.lang(), 1, Integer::sum);
        }
        progress("setup: done in %.1f s: %s", (System.nanoTime() - setupStart) / 1e9, mix);

        // ---- warm-up
        progress("warm-up: %d chat turns (not measured) ...", warmup);
        Turns warm = new Turns();
        AtomicInteger left = new AtomicInteger(warmup);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    turn(all, warm);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        progress("warm-up: done, %d correct, %d failed", warm.ok.count(), warm.failures());

        // ---- order turns, measured
        progress("order turns: %d clients for %d s ...", concurrency, seconds);
        Turns turns = new Turns();
        double loadBefore = load();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofSeconds(seconds).toNanos();
        workers.clear();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    turn(all, turns);
                }
                return null;
            }));
        }
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(5000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            if (System.nanoTime() < end - 500_000_000L) {
                progress("order turns: %2.0f s, %,d correct, %,d failed", (System.nanoTime() - t0) / 1e9,
                        turns.ok.count(), turns.failures());
            }
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double turnSeconds = (System.nanoTime() - t0) / 1e9;
        double loadAfter = load();
        pool.shutdown();

        // ---- NLU over HTTP, one client
        int nluSeconds = Math.max(1, seconds / 2);
        progress("NLU: 1 client posts /api/nlu/parse for %d s ...", nluSeconds);
        List<String> utterances = new ArrayList<>(ZH);
        utterances.addAll(EN);
        for (int i = 0; i < 200; i++) { // its own warm-up
            try {
                post(url + "/api/nlu/parse", "{\"text\":" + quote(utterances.get(i % utterances.size())) + "}");
            } catch (RuntimeException e) {
                progress("NLU warm-up: %s", e.getMessage());
                break;
            }
        }
        Samples nlu = new Samples();
        AtomicLong nluErrors = new AtomicLong();
        long n0 = System.nanoTime();
        long nluEnd = n0 + Duration.ofSeconds(nluSeconds).toNanos();
        for (int i = 0; System.nanoTime() < nluEnd; i++) {
            String body = "{\"text\":" + quote(utterances.get(i % utterances.size())) + "}";
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = post(url + "/api/nlu/parse", body);
                if (r.statusCode() == 200 && r.body().contains("\"intent\"")) {
                    nlu.add(System.nanoTime() - t);
                } else if (nluErrors.incrementAndGet() <= 3) {
                    System.err.println("NLU: unexpected " + r.statusCode() + ": " + r.body());
                }
            } catch (RuntimeException e) {
                nluErrors.incrementAndGet();
            }
        }
        double nluElapsed = (System.nanoTime() - n0) / 1e9;
        progress("done");

        // ---- results
        long correct = turns.ok.count();
        long failed = turns.failures();
        System.out.println();
        System.out.printf("dialog-service benchmark, run %d (%s)%n", run, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.printf("machine: %d cores (as the JVM sees them), load average %.1f before / %.1f after the order turns "
                + "(1 min); java %s; dialog-service %s, order-gateway %s%n", Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAfter, System.getProperty("java.version"), url, gateway);
        System.out.printf("settings: %d customers (%s), %d concurrent clients, %d s of order turns after %d warm-up turns, "
                + "%d s of NLU; channel APP; %.0f%% of turns continue an earlier conversation of the customer%n",
                customers, mix, concurrency, seconds, warmup, nluSeconds, CONTINUE * 100);
        System.out.printf("order turns:  %,d correct + %,d failed in %.1f s = %,.1f correct turns/s (%,.1f answered/s)%n",
                correct, failed, turnSeconds, correct / turnSeconds, (correct + turns.answeredWrong.get()) / turnSeconds);
        System.out.printf("              latency of correct turns p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                turns.ok.p(50), turns.ok.p(90), turns.ok.p(99), turns.ok.max());
        System.out.printf("              errors %,d (%.2f%% of turns); status stated against order-gateway's: %,d mismatches%n",
                failed, correct + failed == 0 ? 0 : 100.0 * failed / (correct + failed), turns.wrongStatus.get());
        System.out.printf("NLU over HTTP: %,d parses in %.1f s = %,.0f parses/s; latency p50 %.2f ms, p99 %.2f ms, max %.1f ms; "
                + "errors %d%n", nlu.count(), nluElapsed, nlu.count() / nluElapsed, nlu.p(50), nlu.p(99), nlu.max(),
                nluErrors.get());
        System.out.println("per phrasing (measured turns): correct / failed, intents answered");
        for (Map.Entry<String, Phrase> e : turns.byPhrase().entrySet()) {
            Phrase p = e.getValue();
            System.out.printf("  %s %,7d / %,-6d %s%n", pad(quoteShort(e.getKey()), 34), p.ok.sum(), p.failed.sum(),
                    new TreeMap<>(p.intents));
        }
        if (failed == 0 && turns.wrongStatus.get() == 0) {
            System.out.println("failures: none");
        } else {
            System.out.println("failures by kind (count, first example):");
            for (Map.Entry<String, Failure> e : turns.failureKinds().entrySet()) {
                System.out.printf("  %,6d  %s%n          e.g. %s%n", e.getValue().count.sum(), e.getKey(), e.getValue().example);
            }
        }
        System.exit(0);
    }

    // -------------------------------------------------------------------------------------------- one chat turn

    /** A random customer asks where the order is, in a new or an earlier conversation; the answer is checked. */
    static void turn(List<Customer> all, Turns into) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Customer c = all.get(rnd.nextInt(all.size()));
        List<String> phrasings = c.phrasings();
        String text = phrasings.get(rnd.nextInt(phrasings.size()));
        String earlier = CONVERSATIONS.get(c.n());
        boolean continued = earlier != null && rnd.nextDouble() < CONTINUE;
        String conversation = continued ? earlier : "bench-" + run + "-" + CONVERSATION_SEQ.incrementAndGet();
        String body = "{\"conversationId\":" + quote(conversation) + ",\"channel\":\"APP\",\"customer\":{\"platformId\":"
                + quote(c.platformId()) + "},\"text\":" + quote(text) + "}";
        long t = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = post(url + "/api/chat", body);
        } catch (RuntimeException e) {
            into.fail(text, "no answer: " + e.getClass().getSimpleName(), c, conversation, e.getMessage(), false);
            return;
        }
        long nanos = System.nanoTime() - t;
        if (r.statusCode() != 200) {
            into.fail(text, "HTTP " + r.statusCode(), c, conversation, r.body(), false);
            return;
        }
        Map<?, ?> answer;
        try {
            answer = (Map<?, ?>) new Json(r.body()).value();
        } catch (RuntimeException e) {
            into.fail(text, "unreadable answer", c, conversation, r.body(), true);
            return;
        }
        String intent = String.valueOf(answer.get("intent"));
        into.phrase(text).intents.merge(intent, 1, Integer::sum);
        if (Boolean.TRUE.equals(answer.get("handedOff"))) {
            // a person owns that conversation now: the customer's next turn starts a new one
            CONVERSATIONS.remove(c.n(), conversation);
        } else {
            CONVERSATIONS.put(c.n(), conversation);
        }
        List<?> replies = answer.get("replies") instanceof List<?> l ? l : List.of();
        String joined = String.join(" | ", replies.stream().map(String::valueOf).toList());
        if (replies.isEmpty()) {
            into.fail(text, "no reply (intent " + intent + ", handedOff " + answer.get("handedOff") + ")", c, conversation,
                    r.body(), true);
        } else if (!joined.contains(c.externalId())) {
            into.fail(text, "reply without the order number (intent " + intent + ", handedOff " + answer.get("handedOff")
                    + ", " + (continued ? "continued" : "new") + " conversation)", c, conversation, r.body(), true);
        } else {
            into.ok.add(nanos);
            into.phrase(text).ok.increment();
            if (!statesStatus(joined, c.status())) {
                into.wrongStatus.incrementAndGet();
                into.note("status not stated as " + c.status(), text, c, conversation, r.body());
            }
        }
    }

    /** Whether the reply states the order's status as order-gateway has it (either language). */
    static boolean statesStatus(String reply, String status) {
        return switch (status) {
            case "PLACED" -> reply.contains("is placed") || reply.contains("已下单");
            case "AWAITING_CONFIRMATION" -> reply.contains("waiting for confirmation") || reply.contains("等待确认");
            case "CONFIRMED" -> reply.contains("is confirmed") || reply.contains("已确认");
            default -> true;
        };
    }

    /** The chat turns of one phase: latencies of the correct ones, failures by kind, per phrasing. */
    static final class Turns {
        final Samples ok = new Samples();
        final AtomicLong answeredWrong = new AtomicLong();
        final AtomicLong wrongStatus = new AtomicLong();
        final ConcurrentHashMap<String, Failure> kinds = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, Phrase> phrases = new ConcurrentHashMap<>();

        Phrase phrase(String text) {
            return phrases.computeIfAbsent(text, k -> new Phrase());
        }

        void fail(String text, String kind, Customer c, String conversation, String body, boolean answered) {
            if (answered) {
                answeredWrong.incrementAndGet();
            }
            phrase(text).failed.increment();
            note(kind, text, c, conversation, body);
        }

        void note(String kind, String text, Customer c, String conversation, String body) {
            String key = quoteShort(text) + ": " + kind;
            kinds.computeIfAbsent(key, k -> new Failure(c.platformId() + " (order " + c.orderId() + ", external id "
                    + c.externalId() + ", " + c.status() + "), conversation " + conversation + " -> " + shorten(body, 400)))
                    .count.increment();
        }

        long failures() {
            return kinds.entrySet().stream().filter(e -> !e.getKey().contains(": status not stated as "))
                    .mapToLong(e -> e.getValue().count.sum()).sum();
        }

        Map<String, Phrase> byPhrase() {
            Map<String, Phrase> m = new LinkedHashMap<>();
            for (String p : ZH) {
                if (phrases.containsKey(p)) {
                    m.put(p, phrases.get(p));
                }
            }
            for (String p : EN) {
                if (phrases.containsKey(p)) {
                    m.put(p, phrases.get(p));
                }
            }
            return m;
        }

        Map<String, Failure> failureKinds() {
            Map<String, Failure> m = new LinkedHashMap<>();
            kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().count.sum(), a.getValue().count.sum()))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        }
    }

    static final class Phrase {
        final LongAdder ok = new LongAdder();
        final LongAdder failed = new LongAdder();
        final Map<String, Integer> intents = new ConcurrentHashMap<>();
    }

    static final class Failure {
        final LongAdder count = new LongAdder();
        final String example;

        Failure(String example) {
            this.example = example;
        }
    }

    // -------------------------------------------------------------------------------------------- setup

    /** Customer n: a Taobao order (the three items of dialog-service's test payload), confirmed for odd n. */
    static Customer customer(int n) {
        long k = run * 10_000 + n;
        long tid = 3_600_000_000_000_000_000L + k * 4;
        String nick = "bench_" + run + "_" + n;
        String mobile = "13" + String.format("%09d", (run % 100_000) * 10_000 + n % 10_000);
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String payload = """
                {"tid": %d, "tid_str": "%d", "type": "fixed", "status": "WAIT_SELLER_SEND_GOODS",
                 "buyer_nick": "%s", "seller_nick": "晨光服饰旗舰店", "created": "%s", "pay_time": "%s", "modified": "%s",
                 "total_fee": "447.00", "discount_fee": "49.00", "post_fee": "0.00", "payment": "398.00",
                 "alipay_no": "BENCH%d", "receiver_name": "张三", "receiver_mobile": "%s", "receiver_phone": "",
                 "receiver_country": "", "receiver_state": "浙江省", "receiver_city": "杭州市", "receiver_district": "西湖区",
                 "receiver_town": "文新街道", "receiver_address": "文一西路969号3幢501室", "receiver_zip": "310012",
                 "buyer_message": "请尽快发货",
                 "orders": {"order": [
                  {"oid": %d, "num_iid": 680012345678, "sku_id": "5012345678901", "outer_iid": "TSHIRT-BASIC",
                   "outer_sku_id": "TSHIRT-M-RED", "title": "纯棉短袖T恤 男女同款 宽松圆领", "sku_properties_name": "颜色分类:红色;尺码:M",
                   "num": 2, "price": "99.00", "total_fee": "178.00", "discount_fee": "20.00", "payment": "178.00",
                   "divide_order_fee": "178.00", "cid": 50000436, "status": "WAIT_SELLER_SEND_GOODS", "refund_status": "NO_REFUND"},
                  {"oid": %d, "num_iid": 680012345679, "sku_id": "5012345678902", "outer_sku_id": "CHERRY-CL-1KG",
                   "title": "智利进口车厘子 2斤装 新鲜水果 顺丰冷链", "sku_properties_name": "规格:JJ级 2斤",
                   "num": 1, "price": "149.00", "total_fee": "129.00", "discount_fee": "20.00", "payment": "129.00",
                   "divide_order_fee": "129.00", "cid": 50015360, "status": "WAIT_SELLER_SEND_GOODS", "refund_status": "NO_REFUND"},
                  {"oid": %d, "num_iid": 680012345680, "sku_id": "5012345678903", "outer_sku_id": "",
                   "title": "蓝牙耳机 主动降噪 真无线 超长续航", "sku_properties_name": "颜色分类:白色",
                   "num": 1, "price": "100.00", "total_fee": "91.00", "discount_fee": "9.00", "payment": "91.00",
                   "divide_order_fee": "91.00", "cid": 50005050, "status": "WAIT_SELLER_SEND_GOODS", "refund_status": "NO_REFUND"}
                 ]}}""".formatted(tid, tid, nick, now, now, now, k, mobile, tid + 1, tid + 2, tid + 3);
        String created = expect(post(gateway + "/api/orders", payload), 201);
        String id = group(ID, created);
        String external = group(EXTERNAL_ID, created);
        String status = group(STATUS, created);
        if (n % 2 == 1) {
            String v = group(VERSION, created);
            String confirmed = expect(post(gateway + "/api/orders/" + id + "/confirm", "{\"expectedVersion\":" + v + "}"), 200);
            status = group(STATUS, confirmed);
        }
        // the language alternates in pairs, so each language has PLACED and confirmed orders
        String lang = (n / 2) % 2 == 0 ? "zh" : "en";
        return new Customer(n, "taobao:" + nick, id, external, status, lang);
    }

    // -------------------------------------------------------------------------------------------- plumbing

    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** The system's load average over the last minute (everything on the machine, the suite included). */
    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + s);
        }
        return m.group(1);
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

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String quoteShort(String s) {
        return "\"" + s + "\"";
    }

    /** s padded with spaces to the width a terminal shows (CJK characters take two columns). */
    static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            w += ch >= 0x1100 && (ch <= 0x115f || (ch >= 0x2e80 && ch <= 0xa4cf) || (ch >= 0xac00 && ch <= 0xd7a3)
                    || (ch >= 0xf900 && ch <= 0xfaff) || (ch >= 0xfe30 && ch <= 0xfe4f) || (ch >= 0xff00 && ch <= 0xff60)
                    || (ch >= 0xffe0 && ch <= 0xffe6)) ? 2 : 1;
        }
        return s + " ".repeat(Math.max(0, width - w));
    }

    static String shorten(String s, int max) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    /** Latencies in nanoseconds. */
    static final class Samples {
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        private long[] sorted;

        void add(long n) {
            nanos.add(n);
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

    /** A small JSON reader: objects as maps, arrays as lists, strings, numbers as doubles, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            if (i >= s.length()) {
                throw new IllegalArgumentException("end of JSON");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expectChar(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expectChar('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expectChar(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (start == i) {
                        throw new IllegalArgumentException("unexpected " + c + " at " + i);
                    }
                    return Double.parseDouble(s.substring(start, i));
                }
            }
        }

        private String string() {
            expectChar('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void expectChar(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }

    private DialogBench() {
    }
}
