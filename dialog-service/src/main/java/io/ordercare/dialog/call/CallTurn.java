package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.dialog.conversation.Conversation;
import io.ordercare.dialog.conversation.DialogState;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.nlu.Entity;
import io.ordercare.dialog.nlu.NluResult;
import io.ordercare.proto.order.v1.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One exchange of a call: what the customer said (speech as recognised, with its confidence, or keypad digits;
 * nothing on the call's opening), the call's task, conversation and memory, the order as it is now, and what the
 * script answers: the sentences to speak, then the next question's step, or the end of the call, or a transfer
 * to a person, and the contact's outcome once it has one.
 */
public final class CallTurn {

    public final CallTask task;
    public final Conversation conversation;
    public final DialogState state;
    /** Null on the opening (the bot speaks first). */
    public final NluResult nlu;
    public final String speech;
    public final double speechConfidence;
    public final String digits;
    public final Instant now;
    /** Stable across the retries of this exchange (idempotency keys of the calls it makes). */
    public final String key;
    public Order order;

    public final List<String> say = new ArrayList<>();
    /** The step of the question asked; null ends the call after {@link #say}. */
    public String ask;
    /** Transfer the call to a person after {@link #say}, with this reason for the agent. */
    public String transferReason;
    public Outcome outcome;
    /** Something a person should do after the call (a claim, a new delivery): handed off without a transfer. */
    public String followUp;
    /** The survey's answers (score, comment in the slots) are to be stored. */
    public boolean survey;

    CallTurn(CallTask task, Conversation conversation, DialogState state, NluResult nlu, String speech,
            double speechConfidence, String digits, Instant now, String key, Order order) {
        this.task = task;
        this.conversation = conversation;
        this.state = state;
        this.nlu = nlu;
        this.speech = speech == null ? "" : speech.strip();
        this.speechConfidence = speechConfidence;
        this.digits = digits == null ? "" : digits.strip();
        this.now = now;
        this.key = key;
        this.order = order;
    }

    public Locale locale() {
        return Replies.locale(conversation.lang);
    }

    /** The step whose question this exchange answers. */
    public String step() {
        return state.slot;
    }

    /** What the customer said or keyed, as one text for the transcript. */
    public String heard() {
        if (!digits.isEmpty()) {
            return speech.isEmpty() ? "[" + digits + "]" : speech + " [" + digits + "]";
        }
        return speech.isEmpty() ? "…" : speech;
    }

    public boolean silent() {
        return speech.isEmpty() && digits.isEmpty();
    }

    public Optional<Entity> entity(String type) {
        return nlu == null ? Optional.empty() : nlu.entities().stream().filter(e -> e.type().equals(type)).findFirst();
    }

    public boolean intent(String... intents) {
        if (nlu == null) {
            return false;
        }
        for (String i : intents) {
            if (i.equals(nlu.intent())) {
                return true;
            }
        }
        return false;
    }
}
