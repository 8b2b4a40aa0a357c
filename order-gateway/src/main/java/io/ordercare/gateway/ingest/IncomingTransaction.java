package io.ordercare.gateway.ingest;

import java.time.Instant;

/**
 * A movement of money the platform reported with the order; at intake only charges.
 *
 * @param kind          {@value #CHARGE}
 * @param status        {@value #SUCCEEDED}, {@value #FAILED} or {@value #PENDING}
 * @param providerRef   the payment provider's reference (e.g. the Alipay trade number), when sent
 * @param failureReason the platform's code for why it failed; null unless failed
 */
public record IncomingTransaction(
        String kind,
        String status,
        long amountMinor,
        String providerRef,
        String failureReason,
        Instant at) {

    public static final String CHARGE = "CHARGE";
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
