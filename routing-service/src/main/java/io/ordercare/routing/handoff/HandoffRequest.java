package io.ordercare.routing.handoff;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A handoff request as callers send it: the body of POST /api/handoffs and the {@code data} of a
 * {@code dialog.handoff-requested} event on {@code dialog.events} (the same fields as the gRPC
 * RequestHandoffRequest). Everything is validated by {@link HandoffValidation}.
 */
public record HandoffRequest(
        @Schema(description = "Required. The same key always means the same handoff; a repeat returns it", example = "conv-42:turn-7")
        String idempotencyKey,
        @Schema(description = "Required", example = "conv-42") String conversationId,
        Customer customer,
        @Schema(description = "Required: CHAT, APP, SOCIAL or VOICE", example = "CHAT") String channel,
        Order order,
        @Schema(description = "NLU intent, e.g. return, payment_problem, order_status, complaint", example = "return") String intent,
        @Schema(description = "What the bot understood, for the agent to read first") String summary,
        List<TurnRequest> transcript,
        @Schema(description = "-1 (angry) .. 1 (happy)", example = "-0.6") Double sentiment,
        @Schema(description = "LOW, NORMAL (default), HIGH or CRITICAL", example = "HIGH") String urgency,
        @Schema(description = "Optional queue id; chosen from category, customer value and intent when absent", example = "returns") String queue,
        @Schema(description = "Optional extra requirement on the agent", example = "skills HAS 'returns' AND languages HAS 'zh'") String skillExpression) {

    public record Customer(
            @Schema(description = "The customer's id in order-gateway") String id,
            @Schema(description = "zh or en: the language the agent must speak", example = "zh") String language,
            @Schema(description = "STANDARD (default), HIGH_VALUE or VIP") String value) {
    }

    public record Order(
            @Schema(example = "ord_123") String id,
            @Schema(description = "fresh and large_appliance go to their specialists", example = "fresh") String category) {
    }

    public record TurnRequest(
            @Schema(description = "customer, bot or agent") String speaker,
            String text,
            @Schema(description = "ISO-8601 instant", example = "2026-11-24T08:15:30Z") String at) {
    }
}
