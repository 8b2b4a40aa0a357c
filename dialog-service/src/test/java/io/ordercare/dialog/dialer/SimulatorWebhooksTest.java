package io.ordercare.dialog.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ordercare.dialog.call.twiml.TwilioSignature;
import io.ordercare.dialog.call.twiml.Twiml;
import io.ordercare.dialog.dialer.SimulatedCall.Kind;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator playing calls against a tiny webhook server over real HTTP: a two-question call (answer → gather →
 * gather → hangup), a busy line, a voicemail machine, retries, silence, failures and the exchange limit.
 */
class SimulatorWebhooksTest {

    private static final String CUSTOMER = "+8613800001234";
    private static final String CALLER_ID = "+864009000000";
    private static final String TOKEN = "test-auth-token";

    /** One request the webhook server received. */
    record Received(String path, String step, Map<String, String> form, String url, String signature) {
    }

    private Vertx vertx;
    private HttpServer server;
    private String base;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** What the server answers at the answer webhook, by default the two-question script. */
    private volatile String answerOverride;
    private volatile int answerStatus = 200;
    private TelephonySimulator simulator;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = vertx.getDelegate().createHttpServer().requestHandler(this::webhook);
        int port = server.listen(0).toCompletionStage().toCompletableFuture().join().actualPort();
        base = "http://localhost:" + port;
        simulator = new TelephonySimulator(vertx, SimulatorSettings.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
        vertx.closeAndAwait();
    }

    /** The robot: identity question, then the final read-back, then goodbye. */
    private void webhook(HttpServerRequest req) {
        req.setExpectMultipart(true);
        req.endHandler(v -> {
            Map<String, String> form = new HashMap<>();
            req.formAttributes().forEach(e -> form.put(e.getKey(), e.getValue()));
            String path = req.path();
            String step = req.getParam("step");
            received.add(new Received(path, step, form, base + req.uri(), req.getHeader(TwilioSignature.HEADER)));
            String callPath = path.substring(0, path.lastIndexOf('/'));
            String xml;
            int status = 200;
            if (path.endsWith("/status")) {
                req.response().setStatusCode(204).end();
                return;
            } else if (path.endsWith("/answer")) {
                xml = answerOverride != null ? answerOverride
                        : Twiml.response().gather(base + callPath + "/gather?step=identity", "zh",
                                List.of("您好，这里是订单关怀。", "请问是王先生吗？"), 5).xml();
                status = answerStatus;
            } else if (path.endsWith("/loop")) {
                xml = Twiml.response().say("en", "Again.").redirect(callPath + "/loop").xml(); // relative URL
            } else if ("identity".equals(step)) {
                xml = Twiml.response().gather(base + callPath + "/gather?step=final", "zh",
                        List.of("您的订单明天送达，确认吗？"), 5).xml();
            } else {
                xml = Twiml.response().say("zh", "感谢您的配合，再见。").hangup().xml();
            }
            req.response().setStatusCode(status).putHeader("Content-Type", Twiml.CONTENT_TYPE).end(xml);
        });
    }

    private CallRequest request(String callId, String to) {
        String calls = base + "/api/voice/calls/" + callId;
        return new CallRequest(callId, to, CALLER_ID, "zh", calls + "/answer", calls + "/status");
    }

    private SimulatedCall placeAndWait(CallRequest request) {
        String sid = simulator.place(request).await().atMost(Duration.ofSeconds(5));
        assertThat(sid).matches("SIM[0-9a-f]{32}");
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.call(request.callId()).map(SimulatedCall::finished)
                .orElse(false));
        SimulatedCall call = simulator.call(request.callId()).orElseThrow();
        assertThat(call.callSid()).isEqualTo(sid);
        return call;
    }

    private List<Received> receivedFor(String callId) {
        return received.stream().filter(r -> r.path().contains("/" + callId + "/")).toList();
    }

    @Test
    void anAnsweredCallPlaysEachQuestionUntilTheHangup() {
        ScriptedCustomer customer = ScriptedCustomer.answering(Reply.say("是的，我是"), Reply.dtmf("1"));
        simulator.register(CUSTOMER, customer);
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, CUSTOMER));

        List<Received> r = receivedFor(callId);
        assertThat(r).extracting(Received::path).containsExactly(
                "/api/voice/calls/" + callId + "/answer",
                "/api/voice/calls/" + callId + "/gather",
                "/api/voice/calls/" + callId + "/gather",
                "/api/voice/calls/" + callId + "/status");
        Map<String, String> answer = r.get(0).form();
        assertThat(answer).containsEntry("CallSid", call.callSid()).containsEntry("From", CALLER_ID)
                .containsEntry("To", CUSTOMER).containsEntry("CallStatus", "in-progress")
                .containsEntry("AnsweredBy", "human");

        assertThat(r.get(1).step()).isEqualTo("identity");
        assertThat(r.get(1).form()).containsEntry("CallSid", call.callSid()).containsEntry("SpeechResult", "是的，我是")
                .containsEntry("Confidence", "0.92").doesNotContainKey("Digits");
        assertThat(r.get(2).step()).isEqualTo("final");
        assertThat(r.get(2).form()).containsEntry("CallSid", call.callSid()).containsEntry("Digits", "1")
                .doesNotContainKeys("SpeechResult", "Confidence");

        Map<String, String> status = r.get(3).form();
        assertThat(status).containsEntry("CallSid", call.callSid()).containsEntry("CallStatus", "completed")
                .containsEntry("AnsweredBy", "human").containsEntry("From", CALLER_ID).containsEntry("To", CUSTOMER);
        assertThat(Integer.parseInt(status.get("CallDuration"))).isPositive().isEqualTo(call.durationSeconds());

        assertThat(customer.heard()).containsExactly(
                new ScriptedCustomer.Question("identity", "zh", "您好，这里是订单关怀。 请问是王先生吗？", 1),
                new ScriptedCustomer.Question("final", "zh", "您的订单明天送达，确认吗？", 2));
        assertThat(call.finalStatus()).isEqualTo("completed");
        assertThat(call.attempt()).isEqualTo(1);
        assertThat(call.pickup()).isEqualTo(Pickup.ANSWER);
        assertThat(call.exchanges()).extracting(SimulatedCall.Exchange::kind)
                .containsExactly(Kind.ANSWER, Kind.GATHER, Kind.GATHER, Kind.STATUS);
        assertThat(call.exchanges(Kind.GATHER).get(1).responseXml()).contains("<Hangup/>");
        assertThat(call.exchanges()).allMatch(SimulatedCall.Exchange::ok);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.callsPlaced()).isEqualTo(1);
        assertThat(stats.pickups()).containsEntry(Pickup.ANSWER, 1L);
        assertThat(stats.finalStatuses()).containsEntry("completed", 1L);
        assertThat(stats.exchanges()).isEqualTo(3);
        assertThat(stats.webhooks()).isEqualTo(4);
        assertThat(stats.httpFailures()).isZero();
        assertThat(stats.meanLatencyMs()).isPositive();
        assertThat(stats.p99LatencyMs()).isPositive();
        assertThat(stats.inFlight()).isZero();
    }

    @Test
    void aBusyLineOnlyGetsTheBusyStatus() {
        simulator.register(CUSTOMER, ScriptedCustomer.picking(List.of(Pickup.BUSY)));
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, CUSTOMER));

        List<Received> r = receivedFor(callId);
        assertThat(r).extracting(Received::path).containsExactly("/api/voice/calls/" + callId + "/status");
        assertThat(r.get(0).form()).containsEntry("CallSid", call.callSid()).containsEntry("CallStatus", "busy")
                .containsEntry("CallDuration", "0").containsEntry("To", CUSTOMER).doesNotContainKey("AnsweredBy");
        assertThat(call.finalStatus()).isEqualTo("busy");
    }

    @Test
    void aMachineHearsTheAnswerThenTheCallCompletes() {
        simulator.register(CUSTOMER, ScriptedCustomer.picking(List.of(Pickup.MACHINE)));
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, CUSTOMER));

        List<Received> r = receivedFor(callId);
        assertThat(r).extracting(Received::path).containsExactly(
                "/api/voice/calls/" + callId + "/answer", "/api/voice/calls/" + callId + "/status");
        assertThat(r.get(0).form()).containsEntry("AnsweredBy", "machine_end_beep")
                .containsEntry("CallStatus", "in-progress");
        assertThat(r.get(1).form()).containsEntry("CallStatus", "completed")
                .containsEntry("AnsweredBy", "machine_end_beep");
        assertThat(Integer.parseInt(r.get(1).form().get("CallDuration"))).isPositive();
        assertThat(call.finalStatus()).isEqualTo("completed");
    }

    @Test
    void theAttemptNumberCountsTheCallsToTheNumber() {
        simulator.register(CUSTOMER, ScriptedCustomer.picking(List.of(Pickup.NO_ANSWER, Pickup.FAILED, Pickup.ANSWER),
                Reply.say("是的，我是"), Reply.say("对的")));

        SimulatedCall first = placeAndWait(request(UUID.randomUUID().toString(), CUSTOMER));
        SimulatedCall second = placeAndWait(request(UUID.randomUUID().toString(), CUSTOMER));
        SimulatedCall third = placeAndWait(request(UUID.randomUUID().toString(), CUSTOMER));

        assertThat(List.of(first.attempt(), second.attempt(), third.attempt())).containsExactly(1, 2, 3);
        assertThat(List.of(first.finalStatus(), second.finalStatus(), third.finalStatus()))
                .containsExactly("no-answer", "failed", "completed");
        assertThat(receivedFor(first.callId()).get(0).form()).containsEntry("CallStatus", "no-answer");
        assertThat(simulator.attempts(CUSTOMER)).isEqualTo(3);
        assertThat(simulator.stats().pickups()).containsEntry(Pickup.NO_ANSWER, 1L).containsEntry(Pickup.FAILED, 1L)
                .containsEntry(Pickup.ANSWER, 1L);
    }

    @Test
    void silencePostsTheActionWithoutSpeechOrDigits() {
        simulator.register(CUSTOMER, ScriptedCustomer.answering()); // no replies: silence
        String callId = UUID.randomUUID().toString();

        placeAndWait(request(callId, CUSTOMER));

        Received gather = receivedFor(callId).get(1);
        assertThat(gather.step()).isEqualTo("identity");
        assertThat(gather.form()).containsKey("CallSid").doesNotContainKeys("SpeechResult", "Confidence", "Digits");
    }

    @Test
    void aGarbledAnswerIsPostedInTheQuestionsLanguage() {
        simulator.register(CUSTOMER, ScriptedCustomer.answering(Reply.garbled()));
        String callId = UUID.randomUUID().toString();

        placeAndWait(request(callId, CUSTOMER));

        assertThat(receivedFor(callId).get(1).form()).containsEntry("SpeechResult", "嗯啊那个")
                .containsEntry("Confidence", "0.2");
    }

    @Test
    void unregisteredNumbersMeetTheDefaultCustomer() {
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, "+8613900005678"));

        assertThat(call.finalStatus()).isEqualTo("completed");
        assertThat(receivedFor(callId).get(1).form()).containsEntry("SpeechResult", "是的，我是");
        assertThat(simulator.stats().customer().replies()).isEqualTo(2);
    }

    @Test
    void aFailingWebhookEndsTheCallAsFailed() {
        answerStatus = 500;
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, CUSTOMER));

        assertThat(receivedFor(callId)).extracting(Received::path).containsExactly(
                "/api/voice/calls/" + callId + "/answer", "/api/voice/calls/" + callId + "/status");
        assertThat(receivedFor(callId).get(1).form()).containsEntry("CallStatus", "failed");
        assertThat(call.finalStatus()).isEqualTo("failed");
        assertThat(call.exchanges().get(0).httpStatus()).isEqualTo(500);
        assertThat(simulator.stats().httpFailures()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotTwimlEndsTheCallAsFailed() {
        answerOverride = "<html><body>oops</body></html>";
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, CUSTOMER));

        assertThat(call.finalStatus()).isEqualTo("failed");
        assertThat(simulator.stats().invalidTwiml()).isEqualTo(1);
    }

    @Test
    void anUnreachableWebhookIsRecordedAndTheCallFails() {
        String callId = UUID.randomUUID().toString();
        CallRequest nowhere = new CallRequest(callId, CUSTOMER, CALLER_ID, "zh",
                "http://localhost:1/api/voice/calls/" + callId + "/answer",
                "http://localhost:1/api/voice/calls/" + callId + "/status");

        SimulatedCall call = placeAndWait(nowhere);

        assertThat(call.finalStatus()).isEqualTo("failed");
        assertThat(call.exchanges()).hasSize(2).allMatch(e -> e.httpStatus() == 0 && e.error() != null);
        assertThat(simulator.stats().httpFailures()).isEqualTo(2);
    }

    @Test
    void aCallThatNeverEndsIsHungUpAfterThirtyExchanges() {
        answerOverride = Twiml.response().redirect("loop").xml(); // relative to the answer URL
        String callId = UUID.randomUUID().toString();

        SimulatedCall call = placeAndWait(request(callId, CUSTOMER));

        assertThat(call.exchanges(Kind.ANSWER)).hasSize(1);
        assertThat(call.exchanges(Kind.REDIRECT)).hasSize(TelephonySimulator.MAX_EXCHANGES - 1)
                .allMatch(e -> e.url().equals(base + "/api/voice/calls/" + callId + "/loop"));
        assertThat(call.hungUpByGuard()).isTrue();
        assertThat(call.finalStatus()).isEqualTo("completed");
        assertThat(simulator.stats().guardHangups()).isEqualTo(1);
    }

    @Test
    void webhooksAreSignedWhenATokenIsConfigured() {
        simulator.close();
        simulator = new TelephonySimulator(vertx, SimulatorSettings.defaults().withSigningToken(TOKEN));
        simulator.register(CUSTOMER, ScriptedCustomer.answering(Reply.say("是的，我是"), Reply.say("对的")));
        String callId = UUID.randomUUID().toString();

        placeAndWait(request(callId, CUSTOMER));

        assertThat(receivedFor(callId)).hasSize(4).allSatisfy(r -> assertThat(
                TwilioSignature.valid(TOKEN, r.url(), r.form(), r.signature())).as(r.url()).isTrue());
    }

    @Test
    void delaysRunOnTimersAndTheInFlightLimitRefusesMoreCalls() {
        simulator.close();
        simulator = new TelephonySimulator(vertx, new SimulatorSettings(SimulatorProfile.COOPERATIVE, 10,
                Duration.ofMillis(1000), Duration.ofMillis(20), 1, Duration.ofSeconds(5), null));
        String first = UUID.randomUUID().toString();

        simulator.place(request(first, CUSTOMER)).await().atMost(Duration.ofSeconds(5));
        assertThat(simulator.stats().inFlight()).isEqualTo(1);
        assertThatThrownBy(() -> simulator.place(request(UUID.randomUUID().toString(), "+8613800009999")).await()
                .atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DialerException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(receivedFor(first)).isEmpty(); // still ringing

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.call(first).orElseThrow().finished());
        assertThat(simulator.stats().rejected()).isEqualTo(1);
        assertThat(simulator.stats().inFlight()).isZero();
    }

    @Test
    void aRequestWithoutWebhooksIsNotPlaced() {
        assertThatThrownBy(() -> simulator.place(new CallRequest("c1", CUSTOMER, null, "zh", null, null)).await()
                .atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DialerException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(simulator.stats().callsPlaced()).isZero();
    }

    @Test
    void theLogKeepsTheLastCallsAndClearForgetsThem() {
        simulator.close();
        simulator = new TelephonySimulator(vertx, new SimulatorSettings(SimulatorProfile.COOPERATIVE, 2,
                Duration.ZERO, Duration.ZERO, 10, Duration.ofSeconds(5), null));
        simulator.register(CUSTOMER, ScriptedCustomer.picking(List.of(Pickup.BUSY)));

        placeAndWait(request("a", CUSTOMER));
        placeAndWait(request("b", CUSTOMER));
        placeAndWait(request("c", CUSTOMER));

        assertThat(simulator.calls()).extracting(SimulatedCall::callId).containsExactly("b", "c");
        assertThat(simulator.call("a")).isEmpty();
        simulator.clear();
        assertThat(simulator.calls()).isEmpty();
        assertThat(simulator.attempts(CUSTOMER)).isZero();
        assertThat(simulator.stats().callsPlaced()).isZero();
    }
}
