package io.ordercare.routing.assignment;

/**
 * OFFERED to an agent, then ACCEPTED, REJECTED or TIMED_OUT (the handoff is re-offered elsewhere);
 * an accepted one ends RESOLVED, TRANSFERRED (to another agent or queue, context kept) or HANDED_BACK to the bot.
 */
public enum AssignmentStatus {
    OFFERED, ACCEPTED, REJECTED, TIMED_OUT, RESOLVED, TRANSFERRED, HANDED_BACK;

    public boolean isLive() {
        return this == OFFERED || this == ACCEPTED;
    }
}
