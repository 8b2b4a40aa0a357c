package io.ordercare.routing.platform;

/** A transfer to an agent who is not available or has no free slot on the handoff's channel. */
public class NoCapacityException extends RuntimeException {

    private final String agentId;
    private final String channel;

    public NoCapacityException(String agentId, String channel) {
        super("agent " + agentId + " has no free " + channel + " slot");
        this.agentId = agentId;
        this.channel = channel;
    }

    public String agentId() {
        return agentId;
    }

    public String channel() {
        return channel;
    }
}
