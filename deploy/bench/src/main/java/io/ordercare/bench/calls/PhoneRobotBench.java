package io.ordercare.bench.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of dialog-service's phone robot on the local stack (run by deploy/bench/phone-robot-bench), JDK only:
 * N orders confirmed by phone through the telephony simulator.
 * <ol>
 * <li>the standing CONFIRMATION campaign (fed by order.changes, it would call every first order too) is paused, so
 * the campaign under test is the only caller; the simulator's customer profile is set (realistic or cooperative);
 * both are restored at the end, also after a failure or Ctrl-C;</li>
 * <li>setup, not part of the dialog figures: N Chinese Taobao orders in order-gateway, each a new customer with
 * its own mobile number, K at once → orders/s; then the wait until dialog-service has planned the standing
 * campaign's contacts for them from order.changes (so that work does not run during the dialog phase);</li>
 * <li>dialog phase: the simulator's statistics are cleared, a manual CONFIRMATION campaign is created (calling
 * window 00:00-23:59, no best-time wait, 3 attempts, retry spacing 1 minute, C calls at once) with the orders in
 * batches of 10,000 (the first in the POST, the rest added), and its progress is followed until nothing is
 * dialling or in a call and every pending contact is due later (an unanswered call is retried in the next calling
 * slot, tomorrow with a one-slot window), or until --max-minutes;</li>
 * <li>results: contacts done per second and answered dialogs per second over the dialog phase, turns per answered
 * dialog, the webhook latency the simulator measured (the turn latency a telephony platform sees), the outcomes,
 * the simulator's pickups and HTTP failures, and a projection to 100,000 orders when fewer ran or the run was cut.
 * The campaign is then cancelled, so its contacts waiting for tomorrow's retry end as SKIPPED instead of calling
 * again.</li>
 * </ol>
 * It measures and prints; it asserts nothing. Its orders and the campaign's contacts stay behind.
 */
public final class PhoneRobotBench {

    static String url = "http://localhost:8082";
    static String gateway = "http://localhost:8081";
    static int orders = 100_000;
    static int concurrency = 100;
    static int createConcurrency = 16;
    static String profile = "realistic";
    static int maxMinutes = 60;

    /** The most order ids one campaign request takes (CampaignResource.MAX_ORDERS). */
    static final int BATCH = 10_000;
    /** The figure: the projection is for this many orders. */
    static final int TARGET_ORDERS = 100_000;

    /** Shares of the simulated customers' behaviours (PUT /api/simulator/profile). */
    static final Map<String, String> PROFILES = Map.of(
            "realistic", "{\"noAnswer\":0.04,\"busy\":0.02,\"machine\":0.02,\"failed\":0.0,\"misrecognition\":0.03,"
                    + "\"bargeIn\":0.10,\"correction\":0.05,\"cancel\":0.01,\"seed\":7}",
            "cooperative", "{\"noAnswer\":0,\"busy\":0,\"machine\":0,\"failed\":0,\"misrecognition\":0,"
                    + "\"bargeIn\":0,\"correction\":0,\"cancel\":0,\"seed\":7}");

    /** The outcomes printed first, in this order (others follow as the service reports them). */
    static final List<String> OUTCOMES = List.of("CONFIRMED", "ADDRESS_CHANGED", "ITEMS_CHANGED", "CANCELLED",
            "HANDED_OFF", "WRONG_NUMBER", "UNREACHABLE", "DO_NOT_CALL", "SKIPPED");
    /** Outcomes after which the order no longer needs a confirmation call. */
    static final List<String> SETTLED = List.of("CONFIRMED", "ADDRESS_CHANGED", "ITEMS_CHANGED", "CANCELLED");

    /** The standing campaign of a kind has a fixed id (dialog-service's Campaign.standingId). */
    static final UUID STANDING = UUID.nameUUIDFromBytes("ordercare:campaign:auto:CONFIRMATION".getBytes(StandardCharsets.UTF_8));

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9-]+)\"");

    static long run;

    // What the run changed, for restore(): set as soon as it was changed.
    static volatile String standingStatusBefore;
    static volatile boolean standingPaused;
    static volatile String profileBefore;
    static volatile String campaignId;
    static volatile Map<?, ?> lastProgress;
    static final AtomicBoolean RESTORED = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--gateway" -> gateway = args[i + 1];
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--create-concurrency" -> createConcurrency = Integer.parseInt(args[i + 1]);
                case "--profile" -> profile = args[i + 1];
                case "--max-minutes" -> maxMinutes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (orders < 1 || orders > 1_000_000 || concurrency < 1 || concurrency > 1000 || createConcurrency < 1
                || maxMinutes < 1 || !PROFILES.containsKey(profile)) {
            throw new IllegalArgumentException("need 1 <= --orders <= 1,000,000, 1 <= --concurrency <= 1000, "
                    + "--create-concurrency >= 1, --max-minutes >= 1, --profile realistic|cooperative");
        }
        run = System.currentTimeMillis() / 1000;
        // Ctrl-C or a failure must not leave the standing campaign paused or the simulator's profile changed.
        Runtime.getRuntime().addShutdownHook(new Thread(PhoneRobotBench::restore));

        Setup setup;
        Dialogs dialogs;
        try {
            pauseStanding();
            profileBefore = expect(get(url + "/api/simulator/profile"), 200);
            setup = awaitStandingPlanned(createOrders());
            warnOtherCallers();
            dialogs = dialogPhase(setup);
        } finally {
            restore();
        }
        printResults(setup, dialogs);
        System.exit(0);
    }

    // -------------------------------------------------------------------------------------------- the standing campaign

    /** Pauses the standing CONFIRMATION campaign if it runs (remembering that, so restore() resumes it). */
    static void pauseStanding() {
        HttpResponse<String> r = get(url + "/api/campaigns/" + STANDING);
        if (r.statusCode() == 404) {
            progress("standing CONFIRMATION campaign %s not found: nothing to pause", STANDING);
            return;
        }
        standingStatusBefore = string(json(expect(r, 200)), "status");
        if ("RUNNING".equals(standingStatusBefore)) {
            expect(post(url + "/api/campaigns/" + STANDING + "/pause", ""), 200);
            standingPaused = true;
            progress("standing CONFIRMATION campaign %s paused for the run (it would call this run's first orders too)",
                    STANDING);
        } else {
            progress("standing CONFIRMATION campaign %s is %s: left as it is", STANDING, standingStatusBefore);
        }
    }

    /** Total contacts of the standing campaign (-1 when it does not exist). */
    static long standingTotal() {
        HttpResponse<String> r = get(url + "/api/campaigns/" + STANDING + "/progress");
        return r.statusCode() == 404 ? -1 : number(json(expect(r, 200)), "total");
    }

    // -------------------------------------------------------------------------------------------- setup: orders

    /**
     * The orders of the run: order-gateway ids by index (null where creation failed), how long creating them took,
     * the standing campaign's contacts before, and how long after the last order it took to plan how many more.
     */
    record Setup(String[] ids, int created, int failed, double seconds, long standingBefore, double planSeconds,
            long standingPlanned) {
    }

    static Setup createOrders() throws Exception {
        long standingBefore = standingTotal();
        progress("setup: %,d Taobao orders in order-gateway (%s), %d at once ...", orders, gateway, createConcurrency);
        String[] ids = new String[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(createConcurrency);
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < createConcurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < orders; n = next.getAndIncrement()) {
                    try {
                        ids[n] = createOrder(n);
                        created.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        if (examples.size() < 3) {
                            examples.add(shorten(e.getMessage(), 300));
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            double s = (System.nanoTime() - t0) / 1e9;
            progress("setup: %,d of %,d orders created in %.0f s (%,.0f/s), %d failed", created.get(), orders, s,
                    created.get() / s, failed.get());
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress("setup: %,d orders created in %.1f s = %,.0f orders/s; %d failed%s", created.get(), seconds,
                created.get() / seconds, failed.get(), examples.isEmpty() ? "" : ", e.g. " + examples);
        if (created.get() == 0) {
            throw new IllegalStateException("no order could be created in order-gateway");
        }
        return new Setup(ids, created.get(), failed.get(), seconds, standingBefore, 0, 0);
    }

    /** Order n of this run: the three-item Taobao trade of DialogBench, a new buyer and mobile number; its id. */
    static String createOrder(int n) {
        long k = run * 1_000_000L + n;
        long tid = 3_700_000_000_000_000_000L + k * 4; // DialogBench's tids start at 3.6e18: no overlap
        String nick = "robot_" + run + "_" + n;
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String payload = """
                {"tid": %d, "tid_str": "%d", "type": "fixed", "status": "WAIT_SELLER_SEND_GOODS",
                 "buyer_nick": "%s", "seller_nick": "晨光服饰旗舰店", "created": "%s", "pay_time": "%s", "modified": "%s",
                 "total_fee": "447.00", "discount_fee": "49.00", "post_fee": "0.00", "payment": "398.00",
                 "alipay_no": "ROBOT%d", "receiver_name": "张三", "receiver_mobile": "%s", "receiver_phone": "",
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
                 ]}}""".formatted(tid, tid, nick, now, now, now, k, mobile(n), tid + 1, tid + 2, tid + 3);
        HttpResponse<String> r = post(gateway + "/api/orders", payload);
        if (r.statusCode() >= 500) { // one more try: a busy gateway is not what this benchmark measures
            r = post(gateway + "/api/orders", payload);
        }
        return group(ID, expect(r, 201));
    }

    /**
     * A Chinese mobile number (1, then 3..9, then 9 digits) unique to order n of this run: up to 1,000,000 orders
     * a run, 7,000 runs (by start second) before a number comes back.
     */
    static String mobile(int n) {
        long k = (run % 7_000) * 1_000_000L + n; // < 7e9
        return "1" + (3 + k / 1_000_000_000L) + String.format("%09d", k % 1_000_000_000L);
    }

    /**
     * Waits until dialog-service has planned the standing campaign's contacts for the new orders (order.created on
     * order.changes → a first order → a confirmation contact), so that work is not part of the dialog phase: until
     * the standing campaign has at least as many more contacts as orders were created and has gained none for 5 s
     * (the consumer may still be reading older order.changes, e.g. the topic's history on its first start), or has
     * gained none for 30 s.
     */
    static Setup awaitStandingPlanned(Setup setup) throws InterruptedException {
        if (setup.standingBefore() < 0) {
            return setup;
        }
        progress("setup: waiting until dialog-service has planned the standing campaign's contacts for them "
                + "(from order.changes; not measured) ...");
        long t0 = System.nanoTime();
        long last = -1;
        long lastGrowth = System.nanoTime();
        long lastPrint = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        long planned;
        while (true) {
            planned = standingTotal() - setup.standingBefore();
            if (planned != last) {
                last = planned;
                lastGrowth = System.nanoTime();
            }
            long still = System.nanoTime() - lastGrowth;
            if (planned >= setup.created() && still > Duration.ofSeconds(5).toNanos()
                    || still > Duration.ofSeconds(30).toNanos() || System.nanoTime() > deadline) {
                break;
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(5).toNanos()) {
                lastPrint = System.nanoTime();
                progress("setup: the standing campaign has %,d more contacts (%,d orders created)", planned,
                        setup.created());
            }
            Thread.sleep(1000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress("setup: the standing campaign gained %,d contacts for the %,d orders and any other order.changes "
                + "(settled %.1f s after the last order)", planned, setup.created(), seconds);
        if (planned < setup.created()) {
            // the readiness checks that are KO say why (e.g. the order.changes consumer stopped)
            List<String> down = new ArrayList<>();
            Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"(\\[KO\\][^\"]*)\"")
                    .matcher(get(url + "/q/health/ready").body());
            while (m.find()) {
                down.add(m.group(1) + ": " + shorten(m.group(2), 200));
            }
            progress("note: fewer contacts than orders: is dialog-service's order.changes consumer running? "
                    + "readiness checks down: %s", down.isEmpty() ? "none" : down);
        }
        return new Setup(setup.ids(), setup.created(), setup.failed(), setup.seconds(), setup.standingBefore(),
                seconds, planned);
    }

    /** Other running campaigns with calls in progress or due during the run would share the machine: said. */
    static void warnOtherCallers() {
        Object list = json(expect(get(url + "/api/campaigns"), 200));
        if (!(list instanceof List<?> campaigns)) {
            return;
        }
        for (Object o : campaigns) {
            Map<?, ?> c = (Map<?, ?>) o;
            if (!"RUNNING".equals(c.get("status"))) {
                continue;
            }
            Map<?, ?> p = (Map<?, ?>) json(expect(get(url + "/api/campaigns/" + c.get("id") + "/progress"), 200));
            long busy = number(p, "dialing") + number(p, "inCall");
            Object next = p.get("nextDueAt");
            boolean dueSoon = number(p, "pending") > 0 && next != null
                    && Instant.parse((String) next).isBefore(Instant.now().plus(Duration.ofMinutes(maxMinutes)));
            if (busy > 0 || dueSoon) {
                progress("note: campaign %s (%s, %s) also calls during the run: %d in progress, %d pending, next due %s",
                        c.get("id"), c.get("name"), c.get("kind"), busy, number(p, "pending"), next);
            }
        }
    }

    // -------------------------------------------------------------------------------------------- dialog phase

    /** What the dialog phase measured. */
    record Dialogs(String campaignId, double seconds, boolean cut, double planningSeconds, int planned,
            int alreadyPlanned, int notFound, String planningError, Map<?, ?> progress, Map<?, ?> stats,
            double highestWindowP99) {
    }

    static Dialogs dialogPhase(Setup setup) throws Exception {
        List<String> ids = new ArrayList<>(setup.created());
        for (String id : setup.ids()) {
            if (id != null) {
                ids.add(id);
            }
        }
        progress("dialogs: simulator profile %s, its statistics cleared", profile);
        expect(put(url + "/api/simulator/profile", PROFILES.get(profile)), 200);
        expect(delete(url + "/api/simulator/calls"), 204, 200);

        // The campaign is created and fed by another thread, so progress is followed while it plans: it calls as
        // soon as it exists, so the dialog phase starts with its creation.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong plannedAt = new AtomicLong();
        AtomicInteger planned = new AtomicInteger();
        AtomicInteger alreadyPlanned = new AtomicInteger();
        AtomicInteger notFound = new AtomicInteger();
        AtomicReference<String> planningError = new AtomicReference<>();
        long t0 = System.nanoTime();
        Thread planner = new Thread(() -> {
            try {
                for (int from = 0; from < ids.size() && !stop.get(); from += BATCH) {
                    List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                    Map<?, ?> answer;
                    if (from == 0) {
                        String body = "{\"name\":\"phone-robot-bench " + run + "\",\"kind\":\"CONFIRMATION\","
                                + "\"callingWindow\":\"00:00-23:59\",\"bestTime\":false,\"maxAttempts\":3,"
                                + "\"retrySpacing\":\"PT1M\",\"concurrency\":" + concurrency + ",\"orderIds\":"
                                + array(batch) + "}";
                        answer = (Map<?, ?>) json(expect(post(url + "/api/campaigns", body,
                                "Idempotency-Key", "phone-robot-bench-" + run), 201));
                        campaignId = string((Map<?, ?>) answer.get("campaign"), "id");
                    } else {
                        answer = (Map<?, ?>) json(expect(post(url + "/api/campaigns/" + campaignId + "/orders",
                                "{\"orderIds\":" + array(batch) + "}"), 200));
                    }
                    planned.addAndGet((int) number(answer, "planned"));
                    alreadyPlanned.addAndGet((int) number(answer, "alreadyPlanned"));
                    notFound.addAndGet(answer.get("notFound") instanceof List<?> l ? l.size() : 0);
                    progress("dialogs: %,d of %,d orders planned in the campaign (%.1f s)", from + batch.size(),
                            ids.size(), (System.nanoTime() - t0) / 1e9);
                }
            } catch (RuntimeException e) {
                planningError.set(shorten(e.getMessage(), 400));
                progress("dialogs: planning stopped: %s", planningError.get());
            } finally {
                plannedAt.set(System.nanoTime());
            }
        }, "planner");
        progress("dialogs: campaign of %,d orders, %d calls at once, planned in batches of %,d ...", ids.size(),
                concurrency, BATCH);
        planner.start();

        // Progress every half second (so the end is seen within half a second: a small run lasts seconds), a line
        // and the simulator's statistics every 5 s.
        long deadline = t0 + Duration.ofMinutes(maxMinutes).toNanos();
        long lastLine = t0;
        double highestP99 = 0;
        Map<?, ?> p = null;
        boolean cut = false;
        long end;
        while (true) {
            Thread.sleep(500);
            long now = System.nanoTime();
            String id = campaignId != null ? campaignId : createdCampaign();
            if (id == null) {
                if (planningError.get() != null) {
                    throw new IllegalStateException("the campaign could not be created: " + planningError.get());
                }
                if (now >= deadline) {
                    throw new IllegalStateException("the campaign was not created within --max-minutes " + maxMinutes);
                }
                if (now - lastLine >= 5_000_000_000L) {
                    lastLine = now;
                    progress("dialogs: %s: creating the campaign ...", elapsed(now - t0));
                }
                continue;
            }
            // read before the progress, so a finished progress is one taken after the last batch was planned
            boolean planning = plannedAt.get() == 0;
            p = (Map<?, ?>) json(expect(get(url + "/api/campaigns/" + id + "/progress"), 200));
            lastProgress = p;
            if (!planning && finished(p)) {
                end = System.nanoTime();
                break;
            }
            if (now >= deadline) {
                end = now;
                cut = true;
                stop.set(true);
                progress("dialogs: --max-minutes %d reached: measuring stops, the results are what finished", maxMinutes);
                break;
            }
            if (now - lastLine >= 5_000_000_000L) {
                lastLine = now;
                Map<?, ?> s = (Map<?, ?>) json(expect(get(url + "/api/simulator/stats"), 200));
                highestP99 = Math.max(highestP99, number(s, "p99LatencyMs"));
                Object eta = p.get("etaSeconds");
                progress("dialogs %s: %,d/%,d done, %,.0f/min, ETA %s; dialing %d, in call %d, pending %,d; %s; "
                        + "webhook p99 %.0f ms", elapsed(now - t0), number(p, "done"), number(p, "total"),
                        dbl(p, "perMinute"), eta == null ? "-" : elapsed((long) (((Number) eta).doubleValue() * 1e9)),
                        number(p, "dialing"), number(p, "inCall"), number(p, "pending"), outcomes(p), dbl(s, "p99LatencyMs"));
            }
        }
        // a cut run does not wait for a batch still being planned (the campaign is cancelled at the end anyway)
        planner.join(cut ? 1000 : Duration.ofMinutes(10).toMillis());
        Map<?, ?> stats = (Map<?, ?>) json(expect(get(url + "/api/simulator/stats"), 200));
        highestP99 = Math.max(highestP99, number(stats, "p99LatencyMs"));
        double seconds = (end - t0) / 1e9;
        double planningSeconds = plannedAt.get() == 0 ? seconds : (plannedAt.get() - t0) / 1e9;
        progress("dialogs: %s in %.1f s: %,d done, %,d pending; %s", cut ? "stopped" : "finished", seconds,
                number(p, "done"), number(p, "pending"), outcomes(p));
        return new Dialogs(campaignId, seconds, cut, planningSeconds, planned.get(), alreadyPlanned.get(),
                notFound.get(), planningError.get(), p, stats, highestP99);
    }

    /**
     * The bench's campaign as soon as it exists: the first POST answers only once its 10,000 contacts are planned,
     * which takes minutes, but the campaign is stored (and calls) before that; it is found by its name.
     */
    static String createdCampaign() {
        if (json(expect(get(url + "/api/campaigns"), 200)) instanceof List<?> campaigns) {
            for (Object o : campaigns) {
                if (("phone-robot-bench " + run).equals(((Map<?, ?>) o).get("name"))) {
                    campaignId = string(o, "id");
                    return campaignId;
                }
            }
        }
        return null;
    }

    /** Nothing dialling or in a call, and nothing pending due by now (retries wait for the next calling slot). */
    static boolean finished(Map<?, ?> p) {
        if (number(p, "dialing") + number(p, "inCall") > 0) {
            return false;
        }
        if (number(p, "pending") == 0 || p.get("nextDueAt") == null) {
            return true;
        }
        return Instant.parse((String) p.get("nextDueAt")).isAfter(Instant.parse((String) p.get("at")));
    }

    // -------------------------------------------------------------------------------------------- restore

    /**
     * Puts back what the run changed, once (after the run, or from the shutdown hook on Ctrl-C): the bench's campaign
     * is cancelled (contacts waiting for a retry end as SKIPPED, calls in progress finish), the simulator's profile is
     * restored, the standing campaign resumed if the run paused it.
     */
    static void restore() {
        if (!RESTORED.compareAndSet(false, true)) {
            return;
        }
        String id = campaignId;
        if (id != null) {
            try {
                Map<?, ?> c = (Map<?, ?>) json(expect(get(url + "/api/campaigns/" + id), 200));
                if ("RUNNING".equals(c.get("status")) || "PAUSED".equals(c.get("status"))) {
                    Map<?, ?> p = (Map<?, ?>) json(expect(get(url + "/api/campaigns/" + id + "/progress"), 200));
                    expect(post(url + "/api/campaigns/" + id + "/cancel", ""), 200);
                    progress("campaign %s cancelled: its %,d pending contacts end as SKIPPED instead of being called in "
                            + "the next calling slot (%d calls in progress finish)", id, number(p, "pending"),
                            number(p, "dialing") + number(p, "inCall"));
                } else {
                    progress("campaign %s is %s", id, c.get("status"));
                }
            } catch (RuntimeException e) {
                progress("campaign %s NOT cancelled: %s", id, e.getMessage());
            }
        }
        if (profileBefore != null) {
            try {
                expect(put(url + "/api/simulator/profile", profileBefore), 200);
                progress("simulator profile restored: %s", profileBefore);
            } catch (RuntimeException e) {
                progress("simulator profile NOT restored (was %s): %s", profileBefore, e.getMessage());
            }
        }
        if (standingPaused) {
            try {
                expect(post(url + "/api/campaigns/" + STANDING + "/resume", ""), 200);
                Map<?, ?> p = lastProgress;
                long unsettled = p == null ? -1 : number(p, "total") - settled(p);
                progress("standing CONFIRMATION campaign %s resumed: its contacts for this run's orders will be skipped "
                        + "as no longer needed when they come due (the orders are confirmed or cancelled by then)%s",
                        STANDING, unsettled <= 0 ? "" : "; the " + String.format("%,d", unsettled) + " orders this run "
                                + "left unconfirmed (no answer yet, handed off, wrong number...) are still called by it");
            } catch (RuntimeException e) {
                progress("standing CONFIRMATION campaign %s NOT resumed (POST /api/campaigns/%s/resume): %s", STANDING,
                        STANDING, e.getMessage());
            }
        }
    }

    // -------------------------------------------------------------------------------------------- results

    static void printResults(Setup setup, Dialogs d) {
        Map<?, ?> p = d.progress();
        Map<?, ?> s = d.stats();
        Map<?, ?> pickups = s.get("pickups") instanceof Map<?, ?> m ? m : Map.of();
        long answered = number(pickups, "ANSWER");
        long machine = number(pickups, "MACHINE");
        long done = number(p, "done");
        long pending = number(p, "pending");
        long total = number(p, "total");
        // Exchanges of answered calls: every exchange except the one answer request of each voicemail machine.
        long exchanges = number(s, "exchanges") - machine;
        // Handled: done, or (when the run finished) waiting for tomorrow's retry; a cut run counts what is done.
        long handled = d.cut() ? done : total;
        String cores = nproc();

        System.out.println();
        System.out.printf("phone-robot benchmark, run %d (%s)%n", run, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.printf("machine: %s cores (nproc), load average %.1f (1 min) at the end; java %s; dialog-service %s, "
                + "order-gateway %s%n", cores, load(), System.getProperty("java.version"), url, gateway);
        System.out.printf("settings: %,d orders, campaign concurrency %d, %d order creators, profile %s %s, calling "
                + "window 00:00-23:59, best time off, 3 attempts, retry spacing PT1M, checks identity/address/phone/"
                + "items, max %d minutes%n", orders, concurrency, createConcurrency, profile, PROFILES.get(profile),
                maxMinutes);
        System.out.printf("setup (not in the dialog figures): %,d orders created in %.1f s = %,.0f orders/s, %d failed; "
                + "the standing campaign gained %,d contacts (these orders and any other order.changes) until %.1f s after the "
                + "last one%n", setup.created(),
                setup.seconds(), setup.created() / setup.seconds(), setup.failed(), setup.standingPlanned(),
                setup.planSeconds());
        System.out.printf("orders:        %,d in campaign %s (%,d planned, %,d planned before, %,d not found in "
                + "order-gateway)%s%n", total, d.campaignId(), d.planned(), d.alreadyPlanned(), d.notFound(),
                d.planningError() == null ? "" : "; planning stopped: " + d.planningError());
        System.out.printf("dialog phase:  %.1f s wall time (campaign created -> %s), planning the contacts took %.1f s "
                + "of it (%,.0f contacts planned/s)%n", d.seconds(), d.cut() ? "stopped at --max-minutes " + maxMinutes
                        : "nothing dialling, in a call or due", d.planningSeconds(),
                (d.planned() + d.alreadyPlanned()) / d.planningSeconds());
        System.out.printf("dialogs/s:     %,.1f contacts done/s (%,d done); %,.1f answered dialogs/s (%,d calls answered "
                + "by a person); %,d calls placed%n", done / d.seconds(), done, answered / d.seconds(), answered,
                number(s, "callsPlaced"));
        System.out.printf("turns:         %.2f per answered dialog (%,d exchanges of answered calls, the answer "
                + "request included, / %,d answered calls)%n", answered == 0 ? 0 : (double) exchanges / answered,
                exchanges, answered);
        System.out.printf("turn latency:  webhook latency as the simulator measured it (every request it posted: "
                + "answer, gathers, status callbacks): mean %.1f ms, p99 %.1f ms (the last %,d webhooks; highest p99 "
                + "seen while polling every 5 s: %.1f ms), max %.1f ms, over %,d webhooks%n", dbl(s, "meanLatencyMs"),
                dbl(s, "p99LatencyMs"), Math.min(16_384, number(s, "webhooks")), d.highestWindowP99(),
                dbl(s, "maxLatencyMs"), number(s, "webhooks"));
        // a finished run's pending contacts all wait for a retry; a cut run's may not have been called yet
        System.out.printf("outcomes:      %s; %s %,d (next due %s); dialing %d, in call %d%n", outcomes(p),
                d.cut() ? "pending (not called yet, or waiting for a retry)" : "pending retries", pending,
                p.get("nextDueAt") == null ? "-" : p.get("nextDueAt"), number(p, "dialing"), number(p, "inCall"));
        System.out.printf("simulator:     pickups %s; final statuses %s; HTTP failures %,d, invalid TwiML %,d, guard "
                + "hang-ups %,d, rejected (at capacity) %,d%n", counts(pickups), counts(s.get("finalStatuses")),
                number(s, "httpFailures"), number(s, "invalidTwiml"), number(s, "guardHangups"), number(s, "rejected"));
        System.out.printf("customers:     %s (the simulated customers, since the profile was set)%n",
                counts(s.get("customer")));
        if (d.cut() || total < TARGET_ORDERS) {
            double rate = handled / d.seconds();
            System.out.printf("PROJECTION (not measured): %,d orders at the measured %,.1f orders handled/s (%s) would "
                    + "take %s%n", TARGET_ORDERS, rate, d.cut() ? "contacts done; those waiting for a retry not counted"
                            : "done or waiting for the next calling slot", rate == 0 ? "-" : elapsed((long) (TARGET_ORDERS / rate * 1e9)));
        }
    }

    /** A JSON object of counts as "name n, name n". */
    static String counts(Object map) {
        if (!(map instanceof Map<?, ?> m)) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(v instanceof Number n ? String.format("%,d", n.longValue()) : String.valueOf(v)));
        return b.toString();
    }

    static long settled(Map<?, ?> p) {
        Map<?, ?> o = p.get("outcomes") instanceof Map<?, ?> m ? m : Map.of();
        long n = 0;
        for (String k : SETTLED) {
            n += number(o, k);
        }
        return n;
    }

    /** The outcomes, the usual ones first (zero counts included), then any others. */
    static String outcomes(Map<?, ?> p) {
        Map<?, ?> o = p.get("outcomes") instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String k : OUTCOMES) {
            if (o.containsKey(k) || SETTLED.contains(k) || "HANDED_OFF".equals(k)) {
                ordered.put(k, number(o, k));
            }
        }
        o.forEach((k, v) -> ordered.putIfAbsent(String.valueOf(k), ((Number) v).longValue()));
        StringBuilder b = new StringBuilder();
        ordered.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format("%,d", v)));
        return b.toString();
    }

    // -------------------------------------------------------------------------------------------- plumbing

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", LocalTime.now().format(CLOCK),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static String elapsed(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** The core count as nproc reports it (the JVM's own count when nproc cannot run). */
    static String nproc() {
        try {
            Process p = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : String.valueOf(Runtime.getRuntime().availableProcessors());
        } catch (Exception e) {
            return String.valueOf(Runtime.getRuntime().availableProcessors());
        }
    }

    /** The system's load average over the last minute (everything on the machine, the suite included). */
    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String array(List<String> ids) {
        StringBuilder b = new StringBuilder("[");
        for (String id : ids) {
            b.append(b.length() == 1 ? "" : ",").append('"').append(id).append('"');
        }
        return b.append(']').toString();
    }

    static Object json(String s) {
        return new Json(s).value();
    }

    static String string(Object map, String key) {
        Object v = ((Map<?, ?>) map).get(key);
        return v == null ? null : String.valueOf(v);
    }

    static long number(Object map, String key) {
        return (long) dbl(map, key);
    }

    static double dbl(Object map, String key) {
        return ((Map<?, ?>) map).get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + s);
        }
        return m.group(1);
    }

    static String expect(HttpResponse<String> r, int... statuses) {
        for (int status : statuses) {
            if (r.statusCode() == status) {
                return r.body();
            }
        }
        throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                + shorten(r.body(), 400));
    }

    static HttpResponse<String> get(String to) {
        return send(HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(30)).GET());
    }

    static HttpResponse<String> delete(String to) {
        return send(HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(30)).DELETE());
    }

    static HttpResponse<String> put(String to, String body) {
        return send(HttpRequest.newBuilder(URI.create(to)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST; planning 10,000 contacts in one request takes minutes (about 30 a second measured), hence the timeout. */
    static HttpResponse<String> post(String to, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(to)).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest r = request.build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(r.method() + " " + r.uri() + ": interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + ": " + e, e);
        }
    }

    static String shorten(String s, int max) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max) + "…";
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

    private PhoneRobotBench() {
    }
}
