package io.ordercare.routing.assignment;

import java.time.Instant;

/** One assignment as the agent desk and the API show it. */
public record AssignmentView(String id, String handoffId, String agentId, String channel, String status, Instant offeredAt,
        Instant offerExpiresAt, Instant acceptedAt, Instant endedAt, String note, long version) {

    public static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id, a.handoffId, a.agentId, a.channel.name(), a.status.name(), a.offeredAt,
                a.offerExpiresAt, a.acceptedAt, a.endedAt, a.note, a.version);
    }
}
