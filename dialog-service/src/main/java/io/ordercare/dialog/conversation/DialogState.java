package io.ordercare.dialog.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialog's memory between two messages, stored with the conversation: the order in focus ("change it to
 * Shanghai" refers to it), the flow in progress, what the bot is waiting for and the slots filled so far.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DialogState {

    /** What the bot waits for. */
    public enum Awaiting {
        /** the last digits of the phone on the order */
        VERIFICATION,
        /** which of several orders */
        ORDER_CHOICE,
        /** a value for {@link #slot} */
        SLOT,
        /** yes or no to the change read back */
        CONFIRMATION
    }

    public String focusOrderId;
    public String flow;
    public Awaiting awaiting;
    public String slot;
    public Map<String, String> slots = new LinkedHashMap<>();
    /** Order ids offered to choose from, in the order they were listed. */
    public List<String> choices = new ArrayList<>();
    /** The order version the customer confirmed against (read back at the confirmation question). */
    public long orderVersion;
    public int verificationFailures;
    public int notUnderstood;
    public int reasks;
    /** The intent that started the flow (the handoff reports it). */
    public String intent;

    /** Forgets the flow in progress; keeps the order in focus and the counters. */
    public void endFlow() {
        flow = null;
        awaiting = null;
        slot = null;
        slots.clear();
        choices.clear();
        orderVersion = 0;
        reasks = 0;
        intent = null;
    }
}
