package io.ordercare.routing.routing;

/** A routing decision: offer this handoff to this agent on this channel (capacity already reserved). */
public record Match(String handoffId, String agentId, Channel channel, String queueId) {
}
