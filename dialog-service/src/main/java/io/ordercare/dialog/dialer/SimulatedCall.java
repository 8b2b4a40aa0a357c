package io.ordercare.dialog.dialer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call the simulator placed, as it went: who was called on which attempt, how the phone reacted, every
 * webhook request with its form and the answer, and the call's final status once it is over. Updated by the
 * simulator while the call runs; read it from tests (e.g. with Awaitility until {@link #finished()}).
 */
public final class SimulatedCall {

    /** Which webhook a request went to. */
    public enum Kind {
        ANSWER, GATHER, REDIRECT, STATUS
    }

    /**
     * One webhook request: where, the form posted, the HTTP status (0 when there was no answer), the body
     * answered (TwiML, or whatever came back), how long it took, and the transport error if any.
     */
    public record Exchange(Kind kind, String url, Map<String, String> form, int httpStatus, String responseXml,
            Duration latency, String error) {

        public Exchange {
            form = Map.copyOf(form);
        }

        public boolean ok() {
            return error == null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    private final String callId;
    private final String callSid;
    private final String to;
    private final String from;
    private final String lang;
    private final int attempt;
    private final Pickup pickup;
    private final Instant placedAt;
    private final List<Exchange> exchanges = new ArrayList<>();
    private String finalStatus;
    private int durationSeconds;
    private boolean hungUpByGuard;

    SimulatedCall(String callId, String callSid, String to, String from, String lang, int attempt, Pickup pickup,
            Instant placedAt) {
        this.callId = callId;
        this.callSid = callSid;
        this.to = to;
        this.from = from;
        this.lang = lang;
        this.attempt = attempt;
        this.pickup = pickup;
        this.placedAt = placedAt;
    }

    public String callId() {
        return callId;
    }

    public String callSid() {
        return callSid;
    }

    /** The number called (E.164). */
    public String to() {
        return to;
    }

    /** The caller id shown to the customer. */
    public String from() {
        return from;
    }

    public String lang() {
        return lang;
    }

    /** 1 for the first call the simulator placed to this number, then 2, 3... */
    public int attempt() {
        return attempt;
    }

    public Pickup pickup() {
        return pickup;
    }

    public Instant placedAt() {
        return placedAt;
    }

    /** The webhook requests so far, in order. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The requests of one kind, in order. */
    public List<Exchange> exchanges(Kind kind) {
        return exchanges().stream().filter(e -> e.kind() == kind).toList();
    }

    /** completed, busy, no-answer or failed once the call is over; null while it runs. */
    public synchronized String finalStatus() {
        return finalStatus;
    }

    public synchronized boolean finished() {
        return finalStatus != null;
    }

    /** The simulated length of the call (CallDuration): 0 unless answered. */
    public synchronized int durationSeconds() {
        return durationSeconds;
    }

    /** Whether the simulator hung up because the call went on past its exchange limit. */
    public synchronized boolean hungUpByGuard() {
        return hungUpByGuard;
    }

    synchronized void add(Exchange e) {
        exchanges.add(e);
    }

    synchronized void guardHit() {
        hungUpByGuard = true;
    }

    synchronized void finish(String status, int seconds) {
        finalStatus = status;
        durationSeconds = seconds;
    }

    @Override
    public synchronized String toString() {
        return "SimulatedCall[callId=" + callId + ", callSid=" + callSid + ", to=" + PhoneMask.last4(to) + ", attempt="
                + attempt + ", pickup=" + pickup + ", exchanges=" + exchanges.size() + ", finalStatus=" + finalStatus
                + "]";
    }
}
