package io.ordercare.routing.handoff;

/** WAITING in a queue, OFFERED to an agent, ACCEPTED by one; closed when RESOLVED or HANDED_BACK to the bot. */
public enum HandoffStatus {
    WAITING, OFFERED, ACCEPTED, RESOLVED, HANDED_BACK;

    public boolean isOpen() {
        return this == WAITING || this == OFFERED || this == ACCEPTED;
    }
}
