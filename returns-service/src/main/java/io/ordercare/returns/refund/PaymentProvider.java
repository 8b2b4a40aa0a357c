package io.ordercare.returns.refund;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Pays refunds out to the customer's original payment method. Implementations must be idempotent on the
 * idempotency key: calling again with a key already paid returns the same provider reference and pays nothing.
 * A payout is accepted synchronously and confirmed later: the provider tells
 * {@link RefundService#markPaid(UUID, String)} (a webhook for a real provider).
 */
public interface PaymentProvider {

    record Payout(String idempotencyKey, UUID refundId, long amountMinor, String currency, String method) {
    }

    /** Accepts the payout and returns the provider's reference; fails when the provider could not take it. */
    Uni<String> pay(Payout payout);
}
