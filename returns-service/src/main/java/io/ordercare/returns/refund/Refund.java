package io.ordercare.returns.refund;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the ledger as callers read it: a refund paid out, or (kind EXCHANGE_CHARGE) a charge collected.
 *
 * @param kind RETURN, REFUND_ONLY, DUPLICATE_CHARGE, PRICE_PROTECTION, EXCHANGE_DIFFERENCE (refunds);
 *        EXCHANGE_CHARGE (the positive price difference of a dearer exchange replacement, charged to the original
 *        payment method; see {@link Movements})
 * @param status PENDING (to be paid), MANUAL_REVIEW (waits for a person), SUBMITTED (the provider accepted the
 *        payout), PAID (the provider confirmed it), REJECTED (a reviewer refused it)
 * @param reviewReason why it waits for a person: AMOUNT_ABOVE_THRESHOLD, DEPENDENCY_DEGRADED, PROVIDER_FAILING
 */
public record Refund(UUID id, String idempotencyKey, String orderId, String returnId, String kind, String status,
        long amountMinor, String currency, String paymentMethod, String reason, String reviewReason, String actor,
        int attempts, String providerRef, Instant createdAt, Instant paidAt, List<Line> lines) {

    /** Units of one item and what they refund: their prorated share of the goods, and of shipping. */
    public record Line(long itemId, int quantity, long amountMinor, long shippingMinor) {
    }
}
