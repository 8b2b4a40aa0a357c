package io.ordercare.returns.refund;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Moves money with the customer's original payment method: pays refunds out and charges what the customer owes (the
 * price difference of a dearer exchange replacement). Implementations must be idempotent on the idempotency key:
 * calling again with a key already accepted returns the same provider reference and moves nothing more.
 * A payout or charge is accepted synchronously and confirmed later: the provider tells
 * {@link RefundService#markPaid(UUID, String)} (a webhook for a real provider).
 */
public interface PaymentProvider {

    record Payout(String idempotencyKey, UUID refundId, long amountMinor, String currency, String method) {
    }

    /** What to collect: {@code amountMinor} (positive) from the method the order was paid with. */
    record Charge(String idempotencyKey, UUID ledgerId, long amountMinor, String currency, String method) {
    }

    /** Accepts the payout and returns the provider's reference; fails when the provider could not take it. */
    Uni<String> pay(Payout payout);

    /** Accepts the charge and returns the provider's reference; fails when the provider could not take it. */
    Uni<String> charge(Charge charge);
}
