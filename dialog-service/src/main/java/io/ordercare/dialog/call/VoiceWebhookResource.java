package io.ordercare.dialog.call;

import io.ordercare.dialog.call.twiml.TwilioSignature;
import io.ordercare.dialog.call.twiml.Twiml;
import io.ordercare.dialog.call.twiml.TwimlVoices;
import io.ordercare.dialog.campaign.CallTasks;
import io.ordercare.dialog.campaign.Campaigns;
import io.ordercare.dialog.campaign.CallsConfig;
import io.ordercare.dialog.conversation.ConversationService;
import io.ordercare.dialog.conversation.InboundMessage;
import io.ordercare.dialog.customer.Identity;
import io.ordercare.dialog.dialer.DialerConfig;
import io.ordercare.platform.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The voice webhooks, in the conventions of programmable-voice platforms (Twilio's TwiML): the platform posts the
 * call's parameters form-encoded and gets back XML to speak ({@code <Say>} in zh-CN or en-US), to gather the next
 * reply ({@code <Gather input="speech dtmf">}), to hang up or to transfer ({@code <Dial>}). Outbound calls are the
 * campaigns' ({@code /calls/{id}/answer|gather|status}); a customer calling the hotline ({@code /inbound}) talks to
 * the same assistant as in chat, on channel VOICE. When a Twilio auth token is configured every request must carry
 * a valid {@code X-Twilio-Signature}.
 */
@Path("/api/voice")
public class VoiceWebhookResource {

    private static final Logger LOG = Logger.getLogger(VoiceWebhookResource.class);
    private static final int GATHER_TIMEOUT = 5;

    @Inject
    CallService calls;

    @Inject
    CallTasks tasks;

    @Inject
    Campaigns campaigns;

    @Inject
    ConversationService conversations;

    @Inject
    CallsConfig config;

    @Inject
    DialerConfig dialer;

    @Inject
    TwimlVoices voices;

    @Inject
    Problems problems;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    @POST
    @Path("/calls/{callId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The outbound call was picked up (AnsweredBy tells a person from a machine); answers TwiML")
    public Uni<Response> answer(@PathParam("callId") String callId, MultivaluedMap<String, String> form,
            @jakarta.ws.rs.core.Context HttpHeaders headers, @jakarta.ws.rs.core.Context UriInfo uri) {
        Response refused = check(form, headers, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        UUID id = uuid(callId);
        if (id == null) {
            return Uni.createFrom().item(xml(Twiml.response(voices).hangup()));
        }
        return calls.answered(id, form(form)).map(s -> render(id, s));
    }

    @POST
    @Path("/calls/{callId}/gather")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The customer's reply (SpeechResult with Confidence, or Digits; neither = silence); answers TwiML")
    public Uni<Response> gather(@PathParam("callId") String callId, @QueryParam("step") String step,
            MultivaluedMap<String, String> form, @jakarta.ws.rs.core.Context HttpHeaders headers,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Response refused = check(form, headers, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        UUID id = uuid(callId);
        if (id == null) {
            return Uni.createFrom().item(xml(Twiml.response(voices).hangup()));
        }
        return calls.gathered(id, step, form(form)).map(s -> render(id, s));
    }

    @POST
    @Path("/calls/{callId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Call status callback (initiated, ringing, in-progress, completed, busy, no-answer, failed, canceled)")
    public Uni<Response> status(@PathParam("callId") String callId, MultivaluedMap<String, String> form,
            @jakarta.ws.rs.core.Context HttpHeaders headers, @jakarta.ws.rs.core.Context UriInfo uri) {
        Response refused = check(form, headers, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        UUID id = uuid(callId);
        String status = first(form, "CallStatus");
        if (id == null || status == null || !List.of("completed", "busy", "no-answer", "failed", "canceled").contains(status)) {
            return Uni.createFrom().item(Response.noContent().build());
        }
        String by = first(form, "AnsweredBy");
        Uni<Void> machine = by != null && (by.startsWith("machine") || by.equals("fax"))
                ? tasks.ofCall(id).chain(t -> t.isEmpty() ? Uni.createFrom().voidItem()
                        : tasks.answered(id, t.get().id(), by, null, clock.instant()))
                : Uni.createFrom().voidItem();
        calls.ended(id);
        return machine.chain(() -> tasks.attemptEnded(id, status, clock.instant()))
                .chain(ended -> ended.isEmpty() ? Uni.createFrom().voidItem() : campaigns.attemptEnded(ended.get()))
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "A customer calls the hotline: greeted, then the assistant answers as in chat (channel VOICE)")
    public Uni<Response> inbound(MultivaluedMap<String, String> form, @jakarta.ws.rs.core.Context HttpHeaders headers,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Response refused = check(form, headers, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        String lang = "en".equals(first(form, "lang")) ? "en" : "zh";
        String greeting = calls.replies.text(io.ordercare.dialog.flow.Replies.locale(lang), "call.inbound.greeting");
        return Uni.createFrom().item(xml(Twiml.response(voices)
                .gather(base() + "/api/voice/inbound/gather?lang=" + lang, lang, List.of(greeting), GATHER_TIMEOUT)
                .redirect(base() + "/api/voice/inbound/gather?lang=" + lang)));
    }

    @POST
    @Path("/inbound/gather")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "What the caller said on the hotline; the assistant's replies as TwiML")
    public Uni<Response> inboundGather(@QueryParam("lang") String lang, MultivaluedMap<String, String> form,
            @jakarta.ws.rs.core.Context HttpHeaders headers, @jakarta.ws.rs.core.Context UriInfo uri) {
        Response refused = check(form, headers, uri);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        String speech = first(form, "SpeechResult");
        String digits = first(form, "Digits");
        String text = speech != null && !speech.isBlank() ? speech : digits;
        String callSid = first(form, "CallSid");
        String l = "en".equals(lang) ? "en" : "zh";
        var identity = Identity.phone(first(form, "From"));
        if (identity.isEmpty() || callSid == null) {
            return Uni.createFrom().item(xml(Twiml.response(voices).say(l,
                    calls.replies.text(io.ordercare.dialog.flow.Replies.locale(l), "call.inbound.no-caller-id")).hangup()));
        }
        String action = base() + "/api/voice/inbound/gather?lang=" + l;
        if (text == null || text.isBlank()) {
            return Uni.createFrom().item(xml(Twiml.response(voices).gather(action, l,
                    List.of(calls.replies.text(io.ordercare.dialog.flow.Replies.locale(l), "call.silence")), GATHER_TIMEOUT)
                    .hangup()));
        }
        // one conversation per call; each gather is one message (the platform's retry of it is answered once)
        InboundMessage m = new InboundMessage("voice-" + callSid, "VOICE", identity.get(), text.strip(),
                callSid + ":" + Integer.toHexString(text.hashCode()) + ":" + first(form, "SequenceNumber"), false);
        return conversations.handle(m).map(a -> {
            if (a.handedOff()) {
                return xml(Twiml.response(voices).say(a.lang(), String.join(" ", a.replies())).dial(config.agentNumber(), null));
            }
            return xml(Twiml.response(voices).gather(action, a.lang(), a.replies(), GATHER_TIMEOUT).hangup());
        });
    }

    /** The script's answer as TwiML: a question to gather, the end, or a transfer to a person. */
    private Response render(UUID callId, CallService.Spoken s) {
        Twiml t = Twiml.response(voices);
        if (s.step() != null) {
            String action = base() + "/api/voice/calls/" + callId + "/gather?step="
                    + URLEncoder.encode(s.step(), StandardCharsets.UTF_8);
            t.gather(action, s.lang(), s.sentences(), GATHER_TIMEOUT).redirect(action);
            return xml(t);
        }
        for (String sentence : s.sentences()) {
            if (!sentence.isBlank()) {
                t.say(s.lang(), sentence);
            }
        }
        if (s.transfer()) {
            t.dial(config.agentNumber(), config.callerId());
        } else {
            t.hangup();
        }
        return xml(t);
    }

    private static Response xml(Twiml t) {
        return Response.ok(t.xml(), Twiml.CONTENT_TYPE).build();
    }

    /** 403 when signatures are checked (a Twilio auth token is set) and this request's is missing or wrong. */
    private Response check(MultivaluedMap<String, String> form, HttpHeaders headers, UriInfo uri) {
        var token = dialer.twilio().authToken();
        if (token.isEmpty()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String url = base() + uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        String signature = headers.getHeaderString(TwilioSignature.HEADER);
        if (signature != null && TwilioSignature.valid(token.get(), url, params, signature)) {
            return null;
        }
        LOG.warnf("voice webhook %s refused: bad or missing %s", uri.getPath(), TwilioSignature.HEADER);
        return problems.response(403, "bad-signature", headers, uri);
    }

    private String base() {
        return config.publicUrl().orElse("http://localhost:" + httpPort).replaceAll("/+$", "");
    }

    private static CallService.VoiceForm form(MultivaluedMap<String, String> f) {
        String confidence = first(f, "Confidence");
        Double c = null;
        if (confidence != null && !confidence.isBlank()) {
            try {
                c = Double.parseDouble(confidence);
            } catch (NumberFormatException e) {
                c = 0.0;
            }
        }
        return new CallService.VoiceForm(first(f, "CallSid"), first(f, "From"), first(f, "To"), first(f, "CallStatus"),
                first(f, "AnsweredBy"), first(f, "SpeechResult"), c, first(f, "Digits"));
    }

    private static String first(MultivaluedMap<String, String> f, String name) {
        return f == null ? null : f.getFirst(name);
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
