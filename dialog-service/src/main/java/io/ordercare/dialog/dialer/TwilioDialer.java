package io.ordercare.dialog.dialer;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Places real calls through Twilio's REST API: {@code POST {api-base}/2010-04-01/Accounts/{sid}/Calls.json},
 * form-encoded, Basic auth with the account sid and auth token. The call asks for answering-machine detection
 * and for every progress event on the status webhook. A refusal (not 2xx) fails with Twilio's code and message,
 * phone numbers masked.
 */
public final class TwilioDialer implements Dialer, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TwilioDialer.class);

    private final TwilioSettings settings;
    private final HttpClient http;
    private final String callsUrl;
    private final String authorization;

    public TwilioDialer(Vertx vertx, TwilioSettings settings) {
        this.settings = settings;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis())));
        this.callsUrl = settings.apiBase() + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Calls.json";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<String> place(CallRequest request) {
        return Uni.createFrom().deferred(() -> {
            if (request == null || blank(request.to()) || blank(request.answerUrl()) || blank(request.statusUrl())) {
                return Uni.createFrom().failure(new DialerException("a call needs to, answerUrl and statusUrl", false));
            }
            String body = encode(form(request));
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(callsUrl)
                    .setIdleTimeout(settings.timeout().toMillis())
                    .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8")
                    .putHeader(HttpHeaders.ACCEPT, "application/json");
            return http.request(options)
                    .flatMap(req -> req.send(Buffer.buffer(body)))
                    .flatMap(resp -> resp.body().map(b -> sid(request, resp.statusCode(), b.toString(StandardCharsets.UTF_8))));
        }).ifNoItem().after(settings.timeout())
                .failWith(() -> new DialerException("Twilio did not answer within " + settings.timeout(), true))
                .onFailure(f -> !(f instanceof DialerException)).transform(f -> new DialerException(
                        "Twilio unreachable: " + PhoneMask.scrub(String.valueOf(f.getMessage())), true, 0, null, f))
                .onFailure().invoke(f -> LOG.warnf("call %s to %s not placed: %s", request == null ? null : request.callId(),
                        request == null ? null : PhoneMask.last4(request.to()), f.getMessage()));
    }

    /** The form of Twilio's Create Call (StatusCallbackEvent is repeated, one value each). */
    List<Map.Entry<String, String>> form(CallRequest r) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("To", r.to()));
        form.add(Map.entry("From", blank(r.from()) ? settings.from() : r.from()));
        form.add(Map.entry("Url", r.answerUrl()));
        form.add(Map.entry("Method", "POST"));
        form.add(Map.entry("StatusCallback", r.statusUrl()));
        form.add(Map.entry("StatusCallbackMethod", "POST"));
        for (String event : List.of("initiated", "ringing", "answered", "completed")) {
            form.add(Map.entry("StatusCallbackEvent", event));
        }
        form.add(Map.entry("MachineDetection", "Enable"));
        return form;
    }

    private String sid(CallRequest request, int status, String body) {
        JsonObject json = json(body);
        if (status >= 200 && status < 300) {
            String sid = json == null ? null : json.getString("sid");
            if (blank(sid)) {
                throw new DialerException("Twilio accepted the call but sent no sid", false, status, null, null);
            }
            LOG.debugf("call %s to %s placed: %s", request.callId(), PhoneMask.last4(request.to()), sid);
            return sid;
        }
        String code = json == null || json.getValue("code") == null ? null : String.valueOf(json.getValue("code"));
        String message = json == null ? null : json.getString("message");
        throw new DialerException("Twilio refused the call (HTTP " + status + (code == null ? "" : ", code " + code)
                + "): " + PhoneMask.scrub(message == null ? abbreviate(body) : message),
                status == 429 || status >= 500, status, code, null);
    }

    private static JsonObject json(String body) {
        try {
            return body == null || body.isBlank() ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() <= 200 ? b : b.substring(0, 200) + "…";
    }

    private static String encode(List<Map.Entry<String, String>> form) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : form) {
            if (!b.isEmpty()) {
                b.append('&');
            }
            b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void close() {
        http.closeAndForget();
    }
}
