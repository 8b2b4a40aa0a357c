package io.ordercare.gateway.ingest;

import java.time.Instant;

/**
 * A movement of money the platform reported with the order: a charge, or a refund when the platform lists its
 * payment transactions (Shopify's {@code transactions}). Several succeeded charges of one order are kept as sent:
 * a double charge is recorded, not hidden.
 *
 * @param kind          {@value #CHARGE} or {@value #REFUND}
 * @param status        {@value #SUCCEEDED}, {@value #FAILED} or {@value #PENDING}
 * @param providerRef   the payment provider's reference (e.g. the Alipay trade number), when sent
 * @param failureReason why it failed: the platform's lower-case code (e.g. {@code insufficient_funds},
 *                      {@code card_declined}, {@code processing_error}), else its message; null unless failed
 */
public record IncomingTransaction(
        String kind,
        String status,
        long amountMinor,
        String providerRef,
        String failureReason,
        Instant at) {

    public static final String CHARGE = "CHARGE";
    public static final String REFUND = "REFUND";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String PENDING = "PENDING";

    public static IncomingTransaction succeededCharge(long amountMinor, String providerRef, Instant at) {
        return new IncomingTransaction(CHARGE, SUCCEEDED, amountMinor, providerRef, null, at);
    }

    public static IncomingTransaction pendingCharge(long amountMinor, String providerRef, Instant at) {
        return new IncomingTransaction(CHARGE, PENDING, amountMinor, providerRef, null, at);
    }

    public static IncomingTransaction failedCharge(long amountMinor, String providerRef, String failureReason,
            Instant at) {
        return new IncomingTransaction(CHARGE, FAILED, amountMinor, providerRef, failureReason, at);
    }
}
