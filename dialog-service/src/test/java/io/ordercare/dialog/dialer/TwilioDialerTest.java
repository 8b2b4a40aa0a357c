package io.ordercare.dialog.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio dialer against a stand-in for Twilio's REST API. */
class TwilioDialerTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "secret-token";
    private static final CallRequest CALL = new CallRequest("c-1", "+15005550006", null, "en",
            "https://robot.example/api/voice/calls/c-1/answer", "https://robot.example/api/voice/calls/c-1/status");

    /** A request the stand-in received. */
    record Received(String path, String authorization, io.vertx.core.MultiMap form) {
    }

    private Vertx vertx;
    private String apiBase;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "{\"sid\":\"CA11111111111111111111111111111111\",\"status\":\"queued\"}";
    private TwilioDialer dialer;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.getDelegate().createHttpServer().requestHandler(this::api);
        int port = server.listen(0).toCompletionStage().toCompletableFuture().join().actualPort();
        apiBase = "http://localhost:" + port;
        dialer = new TwilioDialer(vertx, new TwilioSettings(SID, TOKEN, "+15005550001", apiBase, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        dialer.close();
        vertx.closeAndAwait();
    }

    private void api(HttpServerRequest req) {
        req.setExpectMultipart(true);
        req.endHandler(v -> {
            received.add(new Received(req.path(), req.getHeader("Authorization"), req.formAttributes()));
            req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer);
        });
    }

    @Test
    void placesTheCallAndReturnsItsSid() {
        String sid = dialer.place(CALL).await().atMost(Duration.ofSeconds(5));

        assertThat(sid).isEqualTo("CA11111111111111111111111111111111");
        Received r = received.get(0);
        assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Calls.json");
        assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.form().get("To")).isEqualTo("+15005550006");
        assertThat(r.form().get("From")).isEqualTo("+15005550001"); // the configured caller id
        assertThat(r.form().get("Url")).isEqualTo(CALL.answerUrl());
        assertThat(r.form().get("StatusCallback")).isEqualTo(CALL.statusUrl());
        assertThat(r.form().getAll("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered",
                "completed");
        assertThat(r.form().get("MachineDetection")).isEqualTo("Enable");
    }

    @Test
    void theRequestsCallerIdWins() {
        dialer.place(new CallRequest("c-2", "+15005550006", "+15005550009", "zh", CALL.answerUrl(), CALL.statusUrl()))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(received.get(0).form().get("From")).isEqualTo("+15005550009");
    }

    @Test
    void aRefusalFailsWithTwiliosMessageAndTheNumberMasked() {
        status = 400;
        answer = "{\"code\":21211,\"message\":\"The 'To' number +15005550006 is not a valid phone number.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}";

        assertThatThrownBy(() -> dialer.place(CALL).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DialerException.class, e -> {
                    assertThat(e.getMessage()).contains("HTTP 400", "code 21211", "The 'To' number ***0006 is not a valid")
                            .doesNotContain("15005550006");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.providerCode()).isEqualTo("21211");
                });
    }

    @Test
    void anOverloadedTwilioIsWorthTryingAgain() {
        status = 503;
        answer = "Service Unavailable";

        assertThatThrownBy(() -> dialer.place(CALL).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DialerException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 503", "Service Unavailable");
                });
    }

    @Test
    void anUnreachableTwilioIsWorthTryingAgain() {
        TwilioDialer nowhere = new TwilioDialer(vertx,
                new TwilioSettings(SID, TOKEN, "+15005550001", "http://localhost:1", Duration.ofSeconds(5)));

        assertThatThrownBy(() -> nowhere.place(CALL).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DialerException.class, e -> assertThat(e.retryable()).isTrue());
        nowhere.close();
    }

    @Test
    void twilioNeedsItsAccountTokenAndNumber() {
        DialerConfig.Twilio incomplete = new DialerConfig.Twilio() {
            public Optional<String> accountSid() {
                return Optional.of(SID);
            }

            public Optional<String> authToken() {
                return Optional.empty();
            }

            public Optional<String> from() {
                return Optional.of(" ");
            }

            public String apiBase() {
                return "https://api.twilio.com/";
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };

        assertThatThrownBy(() -> TwilioSettings.of(incomplete)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ordercare.dialog.twilio.auth-token")
                .hasMessageContaining("ordercare.dialog.twilio.from")
                .hasMessageNotContaining("account-sid");
    }

    @Test
    void phoneNumbersAreMaskedToTheirLastFourDigits() {
        assertThat(PhoneMask.last4("+8613812345678")).isEqualTo("***5678");
        assertThat(PhoneMask.last4("123")).isEqualTo("***");
        assertThat(PhoneMask.last4(null)).isEqualTo("***");
        assertThat(PhoneMask.scrub("call +86 138-1234-5678 or 4001234567, order 1052"))
                .isEqualTo("call ***5678 or ***4567, order 1052");
        assertThat(CALL.toString()).contains("***0006").doesNotContain("15005550006");
    }
}
