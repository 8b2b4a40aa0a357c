package io.ordercare.bench;

import io.netty.channel.EventLoop;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Measurements 3 and 4: {@code GET /api/orders/{id}} for seeded ids. Closed loop: C connections, each sending
 * its next request when the previous answered. Open loop: requests scheduled at fixed intervals whatever the
 * answers do, latency counted from the scheduled start (no coordinated omission). One Vert.x event loop drives
 * all connections, so the load generator needs little CPU.
 */
final class LookupPhase implements AutoCloseable {

    static final class Result {
        double seconds;
        long ok;
        double okPerSecond;
        double sentPerSecond;
        double targetRate;
        long maxLateNanos;
        Samples latency = new Samples();
        Map<String, Integer> errors = new TreeMap<>();
        long unfinished;
        List<String> diagnostics = new ArrayList<>();

        long errorCount() {
            return errors.values().stream().mapToLong(Integer::intValue).sum() + unfinished;
        }

        String errorSummary() {
            if (errorCount() == 0) {
                return "none";
            }
            StringBuilder sb = new StringBuilder();
            errors.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append("× ").append(k));
            if (unfinished > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(unfinished).append("× no answer at the end");
            }
            return sb.toString();
        }
    }

    private static final long REQUEST_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final String basePath;

    private final int maxConnections;
    /** Every request and callback runs on this one context (one event loop thread). */
    private final ContextInternal ctx;

    LookupPhase(String baseUrl, int maxConnections) {
        this.maxConnections = maxConnections;
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 80;
        this.basePath = (uri.getPath() == null ? "" : uri.getPath().replaceAll("/$", "")) + "/api/orders/";
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(60_000).setPreferNativeTransport(true));
        this.ctx = (ContextInternal) vertx.getOrCreateContext();
    }

    private HttpClient client;

    /**
     * One client for both loops: the open loop reuses the connections the closed loop opened (and warmed),
     * and opens more only when more requests are in flight than that.
     */
    private HttpClient client(int connections) {
        if (client == null) {
            client = newClient(connections);
        }
        return client;
    }

    private HttpClient newClient(int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                        .setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** GET one order; completes with the status code once the whole body is in. */
    private Future<Integer> get(HttpClient client, String id) {
        RequestOptions req = new RequestOptions().setMethod(HttpMethod.GET).setURI(basePath + id)
                .setIdleTimeout(REQUEST_TIMEOUT_MS).putHeader("Accept", "application/json");
        return client.request(req).compose(r -> r.send()).compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    private static String errorKey(Throwable e) {
        String m = e.getMessage() == null ? "" : ": " + e.getMessage();
        String key = e.getClass().getSimpleName() + m;
        return key.length() > 80 ? key.substring(0, 80) + "…" : key;
    }

    /** Closed loop: C concurrent requests, warm-up then the measured window. */
    Result closedLoop(List<String> ids, int concurrency, int warmupSeconds, int seconds) throws InterruptedException {
        Result r = new Result();
        HttpClient client = client(maxConnections);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        long[] ok = new long[1];
        Timeline timeline = new Timeline(seconds);
        for (int w = 0; w < concurrency; w++) {
            ctx.runOnContext(v -> new Object() {
                void next() {
                    long begin = System.nanoTime();
                    if (begin >= measureTo) {
                        done.countDown();
                        return;
                    }
                    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    get(client, id).onComplete(ar -> {
                        long end = System.nanoTime();
                        boolean counted = begin >= measureFrom && end <= measureTo;
                        if (ar.succeeded() && ar.result() == 200) {
                            if (counted) {
                                ok[0]++;
                                r.latency.add(end - begin);
                                timeline.add(begin - measureFrom, end - begin);
                            }
                            next();
                        } else {
                            if (counted) {
                                r.errors.merge(ar.succeeded() ? "HTTP " + ar.result() : errorKey(ar.cause()), 1, Integer::sum);
                            }
                            vertx.setTimer(10, t -> next()); // no hot loop against a failing server
                        }
                    });
                }
            }.next());
        }
        if (!done.await(warmupSeconds + seconds + REQUEST_TIMEOUT_MS / 1000 + 30, TimeUnit.SECONDS)) {
            r.unfinished = done.getCount();
        }
        CountDownLatch read = new CountDownLatch(1);
        ctx.runOnContext(v -> read.countDown()); // everything recorded on the event loop is visible after this
        read.await(10, TimeUnit.SECONDS);
        r.seconds = seconds;
        r.ok = ok[0];
        r.okPerSecond = r.ok / (double) seconds;
        r.diagnostics.add(timeline.worst(3));
        return r;
    }

    /**
     * Open loop at a fixed rate for the given seconds; latency from each request's scheduled start. The schedule
     * runs on the event loop itself (Netty timers: microsecond resolution with epoll), so sending costs no
     * thread hand-off; requests that fell due while the loop was busy go out at once, each keeping its slot.
     */
    Result openLoop(List<String> ids, double rate, int seconds, int maxConnections) throws InterruptedException {
        Result r = new Result();
        r.targetRate = rate;
        HttpClient client = client(Math.max(this.maxConnections, maxConnections));
        EventLoop loop = ctx.nettyEventLoop();
        long interval = Math.max(1, Math.round(1e9 / rate));
        long total = Math.max(1, Math.round(rate * seconds));
        long[] ok = new long[1];
        long[] lastDone = new long[1];
        long[] maxLate = new long[1];
        long[] sentBy = new long[1];
        Timeline timeline = new Timeline(seconds);
        CountDownLatch finished = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, total));
        long t0 = System.nanoTime() + 50_000_000L;
        Runnable tick = new Runnable() {
            long k;

            @Override
            public void run() {
                long now = System.nanoTime();
                ctx.dispatch(v -> {
                    while (k < total && t0 + k * interval <= now) {
                        long scheduled = t0 + k * interval;
                        maxLate[0] = Math.max(maxLate[0], now - scheduled);
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        get(client, id).onComplete(ar -> {
                            long end = System.nanoTime();
                            if (ar.succeeded() && ar.result() == 200) {
                                ok[0]++;
                                r.latency.add(end - scheduled);
                                timeline.add(scheduled - t0, end - scheduled);
                                lastDone[0] = end;
                            } else {
                                r.errors.merge(ar.succeeded() ? "HTTP " + ar.result() : errorKey(ar.cause()), 1, Integer::sum);
                            }
                            finished.countDown();
                        });
                        k++;
                    }
                });
                if (k < total) {
                    loop.schedule(this, Math.max(0, t0 + k * interval - System.nanoTime()), TimeUnit.NANOSECONDS);
                } else {
                    sentBy[0] = System.nanoTime();
                }
            }
        };
        loop.schedule(tick, Math.max(0, t0 - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!finished.await(seconds + REQUEST_TIMEOUT_MS / 1000 + 30, TimeUnit.SECONDS)) {
            r.unfinished = finished.getCount();
        }
        CountDownLatch read = new CountDownLatch(1);
        ctx.runOnContext(v -> read.countDown());
        read.await(10, TimeUnit.SECONDS);
        r.seconds = seconds;
        r.ok = ok[0];
        r.maxLateNanos = maxLate[0];
        r.sentPerSecond = sentBy[0] > t0 ? total / ((sentBy[0] - t0) / 1e9) : 0;
        r.okPerSecond = lastDone[0] > t0 ? r.ok / ((lastDone[0] - t0) / 1e9) : 0;
        r.diagnostics.add("transport " + (vertx.isNativeTransportEnabled() ? "epoll" : "NIO (timers round up to 1 ms)")
                + "; " + timeline.worst(3));
        return r;
    }

    /** Per second of the run: requests, slowest, and how many over 5 ms, to show when the slow ones happened. */
    static final class Timeline {
        private final long[] count;
        private final long[] max;
        private final long[] over5ms;

        Timeline(int seconds) {
            count = new long[seconds + 60];
            max = new long[seconds + 60];
            over5ms = new long[seconds + 60];
        }

        void add(long offsetNanos, long latencyNanos) {
            int s = (int) Math.max(0, Math.min(count.length - 1, offsetNanos / 1_000_000_000L));
            count[s]++;
            max[s] = Math.max(max[s], latencyNanos);
            if (latencyNanos > 5_000_000) {
                over5ms[s]++;
            }
        }

        String worst(int n) {
            List<Integer> secs = new ArrayList<>();
            for (int i = 0; i < count.length; i++) {
                if (count[i] > 0) {
                    secs.add(i);
                }
            }
            secs.sort((a, b) -> Long.compare(max[b], max[a]));
            long slowSeconds = secs.stream().filter(i -> over5ms[i] * 100 > count[i]).count();
            StringBuilder sb = new StringBuilder("slowest seconds of the run: ");
            for (int i = 0; i < Math.min(n, secs.size()); i++) {
                int sec = secs.get(i);
                sb.append(i == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT, "t=%ds max %s, %d of %d over 5 ms",
                        sec, Samples.ms(max[sec]), over5ms[sec], count[sec]));
            }
            sb.append(String.format(java.util.Locale.ROOT, " (%d of %d seconds had >1%% over 5 ms)", slowSeconds, secs.size()));
            return sb.toString();
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
