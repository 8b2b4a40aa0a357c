package io.ordercare.dialog.dialer;

import io.ordercare.dialog.call.twiml.TwilioSignature;
import io.ordercare.dialog.call.twiml.TwimlDocument;
import io.ordercare.dialog.call.twiml.TwimlDocument.Dial;
import io.ordercare.dialog.call.twiml.TwimlDocument.Gather;
import io.ordercare.dialog.call.twiml.TwimlDocument.Hangup;
import io.ordercare.dialog.call.twiml.TwimlDocument.Pause;
import io.ordercare.dialog.call.twiml.TwimlDocument.Redirect;
import io.ordercare.dialog.call.twiml.TwimlDocument.Say;
import io.ordercare.dialog.call.twiml.TwimlDocument.Verb;
import io.ordercare.dialog.dialer.SimulatedCall.Exchange;
import io.ordercare.dialog.dialer.SimulatedCall.Kind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * A local telephony platform for development, tests and benchmarks. {@link #place} answers at once with a fake
 * CallSid ({@code SIM} + 32 hex digits), then plays the call against the request's webhooks over real HTTP, as
 * Twilio would: the simulated customer's {@link Pickup} for this attempt decides between a status callback (busy,
 * no-answer, failed), a voicemail machine (answer with {@code AnsweredBy=machine_end_beep}, then completed) and a
 * person, whose answers to each {@code <Gather>} are posted to its action URL until the TwiML hangs up, transfers
 * ({@code <Dial>}) or has nothing more to do. Everything runs on Vert.x (timers for the delays, the non-blocking
 * HTTP client), never blocking an event loop.
 *
 * <p>Customers: {@link #register} one for a number; every other number gets the default {@link RandomCustomer}
 * of the current {@link SimulatorProfile} ({@link #configure}). The attempt number a customer sees is the count
 * of calls the simulator placed to that number.
 *
 * <p>Each call is kept ({@link #calls()}, the last {@code keep-calls}) with every request and answer; {@link #stats()}
 * sums them up. A call making more than {@value #MAX_EXCHANGES} exchanges is hung up (status completed); a webhook
 * that fails (no answer, not 2xx, not TwiML) ends the call with status failed.
 */
public final class TelephonySimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TelephonySimulator.class);

    /** Most TwiML exchanges of one call before the simulator hangs up. */
    public static final int MAX_EXCHANGES = 30;
    /** Webhook latencies kept for the percentile. */
    public static final int LATENCY_SAMPLES = 16_384;

    static final String ACCOUNT_SID = "AC" + "0".repeat(32);
    static final String DEFAULT_CALLER_ID = "+10000000000";
    static final String MACHINE = "machine_end_beep";
    static final String HUMAN = "human";

    private final Vertx vertx;
    private final Clock clock;
    private final HttpClient http;
    private final SimulatorSettings settings;
    private final Map<String, SimulatedCustomer> customers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CallLog log;
    private volatile RandomCustomer defaultCustomer;
    private volatile Stats stats = new Stats();

    public TelephonySimulator(Vertx vertx, SimulatorSettings settings) {
        this(vertx, settings, Clock.systemUTC());
    }

    /** {@code clock} stamps the calls ({@link SimulatedCall#placedAt()}). */
    public TelephonySimulator(Vertx vertx, SimulatorSettings settings, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.settings = settings;
        this.defaultCustomer = new RandomCustomer(settings.profile());
        this.log = new CallLog(settings.keepCalls());
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.webhookTimeout().toMillis());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(timeoutMs)
                .setDecompressionSupported(true), new PoolOptions().setHttp1MaxSize(Math.min(settings.maxInFlight(), 256)));
    }

    /** Places a simulated call: its CallSid now, the call itself asynchronously. */
    public Uni<String> place(CallRequest request) {
        return Uni.createFrom().item(() -> start(request));
    }

    /** {@code customer} answers every call to {@code phoneE164} from now on. */
    public void register(String phoneE164, SimulatedCustomer customer) {
        customers.put(phoneE164, customer);
    }

    public void unregister(String phoneE164) {
        customers.remove(phoneE164);
    }

    /** Numbers without a registered customer behave per {@code profile} from now on (a fresh random sequence). */
    public void configure(SimulatorProfile profile) {
        if (!profile.errors().isEmpty()) {
            throw new IllegalArgumentException("invalid simulator profile: " + profile.errors());
        }
        defaultCustomer = new RandomCustomer(profile);
        LOG.infof("telephony simulator profile: %s", profile);
    }

    /** The default customer's profile. */
    public SimulatorProfile profile() {
        return defaultCustomer.profile();
    }

    /** The calls kept, oldest first. */
    public List<SimulatedCall> calls() {
        return log.all();
    }

    /** The last call placed with this call attempt id. */
    public Optional<SimulatedCall> call(String callId) {
        return log.get(callId);
    }

    /** Calls placed to the number so far (the attempt number of the last one). */
    public int attempts(String phoneE164) {
        AtomicInteger n = attempts.get(phoneE164);
        return n == null ? 0 : n.get();
    }

    /** Forgets the calls, the attempt counts and the statistics (registered customers and the profile stay). */
    public void clear() {
        log.clear();
        attempts.clear();
        stats = new Stats();
    }

    public SimulatorStats stats() {
        return stats.snapshot(inFlight.get(), defaultCustomer.tally());
    }

    @Override
    public void close() {
        http.closeAndForget();
    }

    // ---------------------------------------------------------------------------------------------
    // one call

    /** A call in progress: what the platform knows about it. */
    private static final class Leg {
        final SimulatedCall call;
        final SimulatedCustomer customer;
        final CallRequest request;
        final String lang;
        String answeredBy;
        int exchanges;
        int turns;
        double seconds;

        Leg(SimulatedCall call, SimulatedCustomer customer, CallRequest request, String lang) {
            this.call = call;
            this.customer = customer;
            this.request = request;
            this.lang = lang;
        }
    }

    /** A webhook that did not give usable TwiML; the call fails. */
    private static final class WebhookFailure extends RuntimeException {
        WebhookFailure(String message) {
            super(message, null, false, false);
        }
    }

    private record Fetched(String url, TwimlDocument document) {
    }

    private record HttpAnswer(int status, String body) {
    }

    private String start(CallRequest r) {
        validate(r);
        Stats s = stats;
        if (inFlight.incrementAndGet() > settings.maxInFlight()) {
            inFlight.decrementAndGet();
            s.rejected.increment();
            throw new DialerException("telephony simulator at capacity: " + settings.maxInFlight()
                    + " calls in progress (ordercare.dialog.simulator.max-in-flight)", true);
        }
        try {
            String callSid = "SIM" + hex32();
            int attempt = attempts.computeIfAbsent(r.to(), k -> new AtomicInteger()).incrementAndGet();
            SimulatedCustomer customer = customers.getOrDefault(r.to(), defaultCustomer);
            Pickup pickup = customer.pickup(attempt);
            String from = r.from() == null || r.from().isBlank() ? DEFAULT_CALLER_ID : r.from();
            String lang = r.lang() == null || r.lang().isBlank() ? "zh" : r.lang();
            SimulatedCall call = new SimulatedCall(r.callId(), callSid, r.to(), from, lang, attempt, pickup,
                    clock.instant());
            log.add(call);
            s.placed.increment();
            s.pickups.get(pickup).increment();
            LOG.debugf("simulated call %s (%s) to %s, attempt %d: %s", r.callId(), callSid, PhoneMask.last4(r.to()),
                    attempt, pickup);
            Leg leg = new Leg(call, customer, r, lang);
            // Never inside place(): the caller gets the CallSid before the first webhook, as with a real platform.
            later(settings.ringDelay(), () -> drive(leg, s).subscribe().with(ignored -> {
            }, failure -> LOG.errorf(failure, "simulated call %s broke down", r.callId())));
            return callSid;
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    private Uni<Void> drive(Leg leg, Stats s) {
        return Uni.createFrom().deferred(() -> switch (leg.call.pickup()) {
            case BUSY -> status(leg, s, "busy");
            case NO_ANSWER -> status(leg, s, "no-answer");
            case FAILED -> status(leg, s, "failed");
            case MACHINE -> machine(leg, s);
            case ANSWER -> person(leg, s);
        })
                .onFailure().recoverWithUni(failure -> {
                    // a broken customer or an unexpected error: end the call as a platform would
                    LOG.warnf(failure, "simulated call %s failed", leg.request.callId());
                    return leg.call.finished() ? Uni.createFrom().voidItem() : status(leg, s, "failed");
                })
                .onTermination().invoke(inFlight::decrementAndGet);
    }

    /** A voicemail: the answer webhook hears a machine, whatever it says is recorded, then the call ends. */
    private Uni<Void> machine(Leg leg, Stats s) {
        leg.answeredBy = MACHINE;
        Map<String, String> form = form(leg, "in-progress");
        form.put("AnsweredBy", MACHINE);
        return twiml(leg, s, Kind.ANSWER, leg.request.answerUrl(), form)
                .invoke(f -> leg.seconds += spokenSeconds(f.document()))
                .flatMap(f -> status(leg, s, "completed"))
                .onFailure(WebhookFailure.class).recoverWithUni(f -> status(leg, s, "failed"));
    }

    /** A person: the answer webhook, then one exchange per question until the TwiML ends the call. */
    private Uni<Void> person(Leg leg, Stats s) {
        leg.answeredBy = HUMAN;
        Map<String, String> form = form(leg, "in-progress");
        form.put("AnsweredBy", HUMAN);
        return twiml(leg, s, Kind.ANSWER, leg.request.answerUrl(), form)
                .flatMap(f -> follow(leg, s, f))
                .onFailure(WebhookFailure.class).recoverWithUni(f -> status(leg, s, "failed"));
    }

    /** Plays a TwiML document verb by verb, as far as the next request (or the end of the call). */
    private Uni<Void> follow(Leg leg, Stats s, Fetched current) {
        List<String> said = new ArrayList<>();
        for (Verb verb : current.document().verbs()) {
            if (verb instanceof Say say) {
                said.add(say.text());
                leg.seconds += speechSeconds(say.text());
            } else if (verb instanceof Pause pause) {
                leg.seconds += pause.seconds();
            } else if (verb instanceof Gather gather) {
                gather.says().forEach(say -> {
                    said.add(say.text());
                    leg.seconds += speechSeconds(say.text());
                });
                String lang = lang(gather.language(), leg.lang);
                String action = resolve(current.url(), gather.action());
                Reply reply = leg.customer.reply(queryParameter(action, "step"), lang, String.join(" ", said),
                        ++leg.turns).in(lang);
                said.clear();
                leg.seconds += settings.thinkTime().toMillis() / 1000.0
                        + (reply.silent() ? gather.timeoutSeconds() : replySeconds(reply));
                if (reply.silent() && !gather.actionOnEmptyResult()) {
                    continue; // the platform goes on with the next verb
                }
                Map<String, String> form = form(leg, "in-progress");
                if (reply.speech() != null) {
                    form.put("SpeechResult", reply.speech());
                    form.put("Confidence", BigDecimal.valueOf(reply.confidence()).toPlainString());
                }
                if (reply.digits() != null) {
                    form.put("Digits", reply.digits());
                }
                return delay(settings.thinkTime()).flatMap(x -> next(leg, s, Kind.GATHER, action, form));
            } else if (verb instanceof Redirect redirect) {
                return next(leg, s, Kind.REDIRECT, resolve(current.url(), redirect.url()), form(leg, "in-progress"));
            } else if (verb instanceof Hangup || verb instanceof Dial) {
                // hung up, or transferred to a person: the robot's part of the call is over
                return status(leg, s, "completed");
            }
            // <Play>, <Record>...: nothing to simulate
        }
        return status(leg, s, "completed"); // nothing more to do: the platform hangs up
    }

    private Uni<Void> next(Leg leg, Stats s, Kind kind, String url, Map<String, String> form) {
        if (leg.exchanges >= MAX_EXCHANGES) {
            leg.call.guardHit();
            s.guardHangups.increment();
            LOG.warnf("simulated call %s hung up after %d exchanges", leg.request.callId(), leg.exchanges);
            return status(leg, s, "completed");
        }
        return twiml(leg, s, kind, url, form)
                .flatMap(f -> follow(leg, s, f));
    }

    /** Posts to a webhook that answers with TwiML. */
    private Uni<Fetched> twiml(Leg leg, Stats s, Kind kind, String url, Map<String, String> form) {
        return Uni.createFrom().deferred(() -> {
            leg.exchanges++;
            s.exchanges.increment();
            return post(leg, s, kind, url, form);
        }).map(answer -> {
            if (answer.status() < 200 || answer.status() >= 300) {
                throw new WebhookFailure(kind + " webhook answered HTTP " + answer.status());
            }
            try {
                return new Fetched(url, TwimlDocument.parse(answer.body()));
            } catch (TwimlDocument.InvalidTwimlException e) {
                s.invalidTwiml.increment();
                LOG.warnf("simulated call %s: %s webhook answered no TwiML response (%s)", leg.request.callId(), kind,
                        e.getMessage());
                throw new WebhookFailure(kind + " webhook answered no TwiML response");
            }
        }).onFailure(f -> !(f instanceof WebhookFailure)).transform(f -> new WebhookFailure(
                kind + " webhook failed: " + f));
    }

    /** The status callback; the call is over once it was sent (whether the webhook took it or not). */
    private Uni<Void> status(Leg leg, Stats s, String callStatus) {
        int duration = leg.answeredBy == null ? 0 : (int) Math.max(1, Math.ceil(leg.seconds));
        Map<String, String> form = form(leg, callStatus);
        if (leg.answeredBy != null) {
            form.put("AnsweredBy", leg.answeredBy);
        }
        form.put("CallDuration", Integer.toString(duration));
        return post(leg, s, Kind.STATUS, leg.request.statusUrl(), form)
                .onItemOrFailure().invoke((answer, failure) -> {
                    leg.call.finish(callStatus, duration);
                    s.finalStatuses.computeIfAbsent(callStatus, k -> new LongAdder()).increment();
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull(); // recorded; a platform does not retry status callbacks
    }

    /** One POST: timed, recorded on the call; a failure or a status other than 2xx counts as an HTTP failure. */
    private Uni<HttpAnswer> post(Leg leg, Stats s, Kind kind, String url, Map<String, String> form) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            s.webhooks.increment();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                    .setIdleTimeout(settings.webhookTimeout().toMillis())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8")
                    .putHeader(HttpHeaders.ACCEPT, "application/xml, text/xml")
                    .putHeader(HttpHeaders.USER_AGENT, "ordercare-telephony-simulator");
            if (settings.signingToken() != null) {
                options.putHeader(TwilioSignature.HEADER, TwilioSignature.sign(settings.signingToken(), url, form));
            }
            return http.request(options)
                    .flatMap(request -> request.send(Buffer.buffer(encode(form))))
                    .flatMap(response -> response.body()
                            .map(body -> new HttpAnswer(response.statusCode(), body.toString(StandardCharsets.UTF_8))))
                    .ifNoItem().after(settings.webhookTimeout())
                    .failWith(() -> new WebhookFailure("no answer within " + settings.webhookTimeout()))
                    .onItemOrFailure().invoke((answer, failure) -> {
                        long nanos = System.nanoTime() - started;
                        s.latencies.add(nanos);
                        if (failure != null || answer.status() < 200 || answer.status() >= 300) {
                            s.httpFailures.increment();
                            LOG.debugf("simulated call %s: %s webhook failed: %s", leg.request.callId(), kind,
                                    failure != null ? failure.toString() : "HTTP " + answer.status());
                        }
                        leg.call.add(new Exchange(kind, url, form, answer == null ? 0 : answer.status(),
                                answer == null ? null : answer.body(), Duration.ofNanos(nanos),
                                failure == null ? null : failure.toString()));
                    });
        });
    }

    /** The parameters Twilio sends with every request of a call. */
    private static Map<String, String> form(Leg leg, String callStatus) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", leg.call.callSid());
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", leg.call.from());
        form.put("To", leg.call.to());
        form.put("CallStatus", callStatus);
        form.put("Direction", "outbound-api");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private void later(Duration delay, Runnable task) {
        if (delay.isZero()) {
            vertx.runOnContext(task);
        } else {
            vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
        }
    }

    private Uni<Void> delay(Duration d) {
        if (d.isZero()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(e -> vertx.setTimer(Math.max(1, d.toMillis()), id -> e.complete(null)));
    }

    private static void validate(CallRequest r) {
        if (r == null || blank(r.callId()) || blank(r.to()) || blank(r.answerUrl()) || blank(r.statusUrl())) {
            throw new DialerException("a call needs callId, to, answerUrl and statusUrl", false);
        }
        for (String url : List.of(r.answerUrl(), r.statusUrl())) {
            try {
                URI uri = new URI(url);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (Exception e) {
                throw new DialerException("not an absolute webhook URL: " + url, false);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String hex32() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "%016x%016x", r.nextLong(), r.nextLong());
    }

    private static String encode(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> {
            if (!b.isEmpty()) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    /** The action URL as the platform resolves it: relative to the document's URL; the document's own if none. */
    static String resolve(String base, String target) {
        if (target == null || target.isBlank()) {
            return base;
        }
        try {
            return URI.create(base).resolve(target.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new WebhookFailure("unusable URL in TwiML: " + target);
        }
    }

    static String queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String lang(String twimlLanguage, String fallback) {
        if (twimlLanguage == null || twimlLanguage.isBlank()) {
            return fallback;
        }
        return twimlLanguage.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }

    /** Rough speaking time: four Chinese characters or two and a half English words a second. */
    static double speechSeconds(String text) {
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long words = Arrays.stream(text.split("[^\\p{IsLatin}\\p{Nd}]+")).filter(w -> !w.isEmpty()).count();
        return han / 4.0 + words / 2.5;
    }

    private static double spokenSeconds(TwimlDocument doc) {
        double seconds = 0;
        for (Verb v : doc.verbs()) {
            if (v instanceof Say say) {
                seconds += speechSeconds(say.text());
            } else if (v instanceof Pause p) {
                seconds += p.seconds();
            } else if (v instanceof Gather g) {
                seconds += speechSeconds(g.prompt()) + g.timeoutSeconds(); // a machine never answers
            }
        }
        return seconds;
    }

    private static double replySeconds(Reply reply) {
        return reply.speech() != null ? 0.5 + speechSeconds(reply.speech()) : 1;
    }

    // ---------------------------------------------------------------------------------------------
    // bookkeeping

    /** The last {@code keep} calls, by call id. */
    private static final class CallLog {
        private final int keep;
        private final LinkedHashMap<String, SimulatedCall> calls = new LinkedHashMap<>();

        CallLog(int keep) {
            this.keep = keep;
        }

        synchronized void add(SimulatedCall call) {
            calls.remove(call.callId()); // a call id placed again moves to the end
            calls.put(call.callId(), call);
            while (calls.size() > keep) {
                calls.remove(calls.keySet().iterator().next());
            }
        }

        synchronized Optional<SimulatedCall> get(String callId) {
            return Optional.ofNullable(calls.get(callId));
        }

        synchronized List<SimulatedCall> all() {
            return List.copyOf(calls.values());
        }

        synchronized void clear() {
            calls.clear();
        }
    }

    private static final class Stats {
        final LongAdder placed = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder exchanges = new LongAdder();
        final LongAdder webhooks = new LongAdder();
        final LongAdder httpFailures = new LongAdder();
        final LongAdder invalidTwiml = new LongAdder();
        final LongAdder guardHangups = new LongAdder();
        final Map<Pickup, LongAdder> pickups = new EnumMap<>(Pickup.class);
        final Map<String, LongAdder> finalStatuses = new ConcurrentHashMap<>();
        final Latencies latencies = new Latencies();

        Stats() {
            for (Pickup p : Pickup.values()) {
                pickups.put(p, new LongAdder());
            }
        }

        SimulatorStats snapshot(int inFlight, RandomCustomer.Tally customer) {
            Map<Pickup, Long> byPickup = new EnumMap<>(Pickup.class);
            pickups.forEach((p, n) -> byPickup.put(p, n.sum()));
            Map<String, Long> byStatus = new TreeMap<>();
            finalStatuses.forEach((st, n) -> byStatus.put(st, n.sum()));
            return new SimulatorStats(placed.sum(), rejected.sum(), inFlight, byPickup, byStatus, exchanges.sum(),
                    webhooks.sum(), httpFailures.sum(), invalidTwiml.sum(), guardHangups.sum(), latencies.meanMs(),
                    latencies.p99Ms(), latencies.maxMs(), customer);
        }
    }

    /** Webhook latencies: mean and max over all, the 99th percentile over the last {@value #LATENCY_SAMPLES}. */
    private static final class Latencies {
        private final long[] ring = new long[LATENCY_SAMPLES];
        private long count;
        private long sum;
        private long max;

        synchronized void add(long nanos) {
            ring[(int) (count % LATENCY_SAMPLES)] = nanos;
            count++;
            sum += nanos;
            max = Math.max(max, nanos);
        }

        synchronized double meanMs() {
            return count == 0 ? 0 : sum / (double) count / 1e6;
        }

        synchronized double maxMs() {
            return max / 1e6;
        }

        double p99Ms() {
            long[] samples;
            synchronized (this) {
                samples = Arrays.copyOf(ring, (int) Math.min(count, LATENCY_SAMPLES));
            }
            if (samples.length == 0) {
                return 0;
            }
            Arrays.sort(samples);
            return samples[(int) Math.ceil(samples.length * 0.99) - 1] / 1e6;
        }
    }
}
