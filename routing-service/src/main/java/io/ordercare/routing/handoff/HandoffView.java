package io.ordercare.routing.handoff;

import io.ordercare.routing.assignment.AssignmentView;
import java.time.Instant;
import java.util.List;

/** The full context of a handoff and where it stands, with every assignment it went through (oldest first). */
public record HandoffView(String id, String idempotencyKey, String conversationId, Customer customer, String channel,
        Order order, String intent, String summary, List<Turn> transcript, Double sentiment, String urgency, String queue,
        String skillExpression, String status, String agentId, Instant createdAt, Instant queuedAt,
        Instant callbackOfferedAt, Instant closedAt, long version, List<AssignmentView> assignments) {

    public record Customer(String id, String language, String value) {
    }

    public record Order(String id, String category) {
    }
}
