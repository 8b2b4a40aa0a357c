package io.ordercare.bench.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of routing-service on the local stack (run by deploy/bench/routing-service-bench):
 *
 * <ol>
 * <li>1,000 agents (tagged with a skill of this run, random specialist skills, zh/en, 2 chat slots each);</li>
 * <li>arrival: 12,000 handoffs over REST, C at a time (random intent, order category, language, urgency,
 * customer value): 2,000 are offered at once, 10,000 stay waiting;</li>
 * <li>drain: for D seconds every agent accepts and resolves what it is offered, C agents at a time; each
 * freed slot is a routing decision against the ~10,000 waiting handoffs and, mostly, a new offer;</li>
 * <li>clean-up: the run's agents go AWAY and its open handoffs are handed back, so the stack is left as it was.</li>
 * </ol>
 *
 * Handoffs routed per second = new offers per second (from the API's answers). The routing decision
 * time is measured inside routing-service (its {@code routing.decision} timer: the in-memory decision
 * including the wait for the router's lock, not the database write that follows), read from /q/metrics
 * before and after each phase. Client-side latencies of POST /api/handoffs are printed too.
 */
public final class RoutingServiceBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SKILLS = { "returns", "payments", "logistics", "fresh_food", "large_appliances", "vip" };
    private static final String[] INTENTS = { "return", "refund_status", "payment_problem", "order_status", "delivery_time",
            "complaint", "talk_to_human", "exchange" };
    private static final String[] CATEGORIES = { "apparel", "digital", "general", "fresh", "large_appliance", "apparel" };
    private static final String[] URGENCIES = { "LOW", "NORMAL", "NORMAL", "HIGH", "CRITICAL" };

    private final String base;
    private final int agents;
    private final int waiting;
    private final int slots;
    private final int concurrency;
    private final int drainSeconds;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String tag = "bench_" + run;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(42);

    private RoutingServiceBench(String base, int agents, int waiting, int slots, int concurrency, int drainSeconds) {
        this.base = base;
        this.agents = agents;
        this.waiting = waiting;
        this.slots = slots;
        this.concurrency = concurrency;
        this.drainSeconds = drainSeconds;
    }

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8085";
        int agents = 1000;
        int waiting = 10_000;
        int slots = 2;
        int concurrency = 32;
        int drain = 30;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--http" -> base = args[i + 1];
                case "--agents" -> agents = Integer.parseInt(args[i + 1]);
                case "--waiting" -> waiting = Integer.parseInt(args[i + 1]);
                case "--slots" -> slots = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--drain" -> drain = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String table = new RoutingServiceBench(base, agents, waiting, slots, concurrency, drain).run();
        if (out != null) {
            Files.writeString(out, table);
        }
        System.out.print(table);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }

    private String run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            // 1. agents
            log("creating %d agents (skill %s, %d chat slots each)", agents, tag, slots);
            List<String> agentIds = Collections.synchronizedList(new ArrayList<>());
            parallel(pool, agents, i -> agentIds.add(post("/api/agents", agent(i), 201).get("id").asText()));

            // 2. arrival
            int handoffs = agents * slots + waiting;
            log("arrival: %d handoffs, %d at a time", handoffs, concurrency);
            ConcurrentLinkedQueue<String> handoffIds = new ConcurrentLinkedQueue<>();
            long[] latencies = new long[handoffs];
            AtomicInteger offeredAtOnce = new AtomicInteger();
            DecisionHistogram before = metrics();
            long start = System.nanoTime();
            parallel(pool, handoffs, i -> {
                long t0 = System.nanoTime();
                JsonNode h = post("/api/handoffs", handoff(i), 201);
                latencies[i] = System.nanoTime() - t0;
                handoffIds.add(h.get("id").asText());
                if ("OFFERED".equals(h.path("status").asText())) {
                    offeredAtOnce.incrementAndGet();
                }
            });
            double arrivalSeconds = (System.nanoTime() - start) / 1e9;
            DecisionHistogram afterArrival = metrics();
            int waitingNow = depth();
            Arrays.sort(latencies);

            // 3. drain
            log("drain: %d s, %d agents at a time accept and resolve their offers (%d waiting)", drainSeconds, concurrency,
                    waitingNow);
            AtomicLong resolved = new AtomicLong();
            AtomicLong newOffers = new AtomicLong();
            long drainStart = System.nanoTime();
            long deadline = drainStart + TimeUnit.SECONDS.toNanos(drainSeconds);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String agent = agentIds.get(Math.floorMod(next.getAndIncrement(), agentIds.size()));
                        try {
                            for (JsonNode item : get("/api/agents/" + agent + "/queue")) {
                                if (System.nanoTime() >= deadline) {
                                    break;
                                }
                                String assignment = item.path("assignment").path("id").asText();
                                if (!"OFFERED".equals(item.path("assignment").path("status").asText())) {
                                    continue;
                                }
                                // 409: the offer timed out meanwhile (re-offered elsewhere); the next agent, then
                                if (status("/api/assignments/" + assignment + "/accept") == 200
                                        && status("/api/assignments/" + assignment + "/resolve") == 200) {
                                    resolved.incrementAndGet();
                                }
                            }
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            DecisionHistogram afterDrain = metrics();
            int waitingAfter = depth();
            // every resolve freed a slot; each offer since then took a handoff off the waiting list
            newOffers.set(Math.max(0, waitingNow - waitingAfter));

            // 4. clean-up
            log("clean-up: %d agents AWAY, open handoffs handed back", agentIds.size());
            parallel(pool, agentIds.size(), i -> post("/api/agents/" + agentIds.get(i) + "/status",
                    JSON.createObjectNode().put("status", "AWAY"), 200));
            List<String> ids = new ArrayList<>(handoffIds);
            parallel(pool, ids.size(), i -> send("/api/handoffs/" + ids.get(i) + "/hand-back", JSON.createObjectNode()
                    .put("actor", "routing-service-bench")));

            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "routing-service benchmark (run %s): %d agents x %d chat slots, %d handoffs%n",
                    run, agents, slots, handoffs));
            t.append(String.format(Locale.ROOT, "%-58s %s%n", "measure", "value"));
            t.append(String.format(Locale.ROOT, "%-58s %,.0f/s (%d in %.1f s, %d offered at once)%n",
                    "arrival: handoffs accepted and routed per second", handoffs / arrivalSeconds, handoffs, arrivalSeconds,
                    offeredAtOnce.get()));
            t.append(String.format(Locale.ROOT, "%-58s p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    "arrival: POST /api/handoffs latency (client, " + concurrency + " in flight)",
                    latencies[handoffs / 2] / 1e6, latencies[(int) Math.ceil(0.99 * handoffs) - 1] / 1e6,
                    latencies[handoffs - 1] / 1e6));
            t.append(decisionLine("arrival: routing decision (in service)", afterArrival, before));
            t.append(String.format(Locale.ROOT, "%-58s %d%n", "waiting when the drain started", waitingNow));
            t.append(String.format(Locale.ROOT, "%-58s %,.0f/s (%d re-offers in %.1f s; %d resolved)%n",
                    "drain: handoffs routed per second", newOffers.get() / drainSeconds, newOffers.get(), drainSeconds,
                    resolved.get()));
            t.append(decisionLine("drain: routing decision (in service, ~" + waitingNow + " waiting)", afterDrain, afterArrival));
            double p99 = Math.max(afterArrival.quantileMillisSince(before, 0.99), afterDrain.quantileMillisSince(afterArrival, 0.99));
            t.append(String.format(Locale.ROOT, "%-58s %s%n", "target: routing decision p99 <= 10 ms",
                    p99 <= 10 ? "MET (p99 <= " + DecisionHistogram.ms(p99) + " ms)" : "MISSED (p99 <= " + DecisionHistogram.ms(p99) + " ms)"));
            t.append("decision percentiles are bucket upper bounds of the service's histogram; max is the timer's windowed max\n");
            return t.toString();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String decisionLine(String label, DecisionHistogram after, DecisionHistogram before) {
        return String.format(Locale.ROOT, "%-58s p50 <= %s ms, p99 <= %s ms, max %s ms (%d decisions)%n", label,
                DecisionHistogram.ms(after.quantileMillisSince(before, 0.5)),
                DecisionHistogram.ms(after.quantileMillisSince(before, 0.99)),
                DecisionHistogram.ms(after.maxSeconds * 1000), after.countSince(before));
    }

    private ObjectNode agent(int i) {
        Random r = new Random(i);
        ObjectNode a = JSON.createObjectNode();
        a.put("name", "bench-" + run + "-" + i);
        var skills = a.putArray("skills");
        skills.add(tag);
        for (String s : SKILLS) {
            if (r.nextInt(3) == 0) {
                skills.add(s);
            }
        }
        var languages = a.putArray("languages");
        int l = r.nextInt(3);
        if (l != 1) {
            languages.add("zh");
        }
        if (l != 0) {
            languages.add("en");
        }
        a.putObject("capacity").put("CHAT", slots);
        return a;
    }

    private ObjectNode handoff(int i) {
        Random r = new Random(1_000_000L + i);
        String conversation = "bench-" + run + "-" + i;
        ObjectNode h = JSON.createObjectNode();
        h.put("idempotencyKey", conversation);
        h.put("conversationId", conversation);
        h.putObject("customer").put("id", "bench-customer-" + i).put("language", r.nextInt(4) == 0 ? "en" : "zh")
                .put("value", r.nextInt(20) == 0 ? "VIP" : "STANDARD");
        h.put("channel", "CHAT");
        h.putObject("order").put("id", "bench-order-" + i).put("category", CATEGORIES[r.nextInt(CATEGORIES.length)]);
        h.put("intent", INTENTS[r.nextInt(INTENTS.length)]);
        h.put("summary", "benchmark handoff " + i);
        h.putArray("transcript").addObject().put("speaker", "customer").put("text", "我要找人工客服");
        h.put("sentiment", -0.2);
        h.put("urgency", URGENCIES[r.nextInt(URGENCIES.length)]);
        h.put("skillExpression", "skills HAS '" + tag + "'");
        return h;
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(ExecutorService pool, int n, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        int workers = ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize();
        for (int w = 0; w < workers; w++) {
            fs.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
    }

    private JsonNode post(String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** POST whose outcome does not matter (clean-up). */
    private void send(String path, JsonNode body) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private DecisionHistogram metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return DecisionHistogram.parse(r.body());
    }

    /** Handoffs waiting in all queues now. */
    private int depth() throws IOException, InterruptedException {
        int n = 0;
        for (JsonNode q : get("/api/queues")) {
            n += q.path("depth").asInt();
        }
        return n;
    }
}
