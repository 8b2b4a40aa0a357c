package io.ordercare.returns.refund;

/**
 * Whether a refund is paid out at once or waits for a person: large amounts, and any refund decided while a
 * dependency it relies on (order-gateway) is degraded, go to manual review.
 */
public final class ReviewDecision {

    public static final String AMOUNT_ABOVE_THRESHOLD = "AMOUNT_ABOVE_THRESHOLD";
    public static final String DEPENDENCY_DEGRADED = "DEPENDENCY_DEGRADED";
    public static final String PROVIDER_FAILING = "PROVIDER_FAILING";

    private ReviewDecision() {
    }

    /** The review reason, or null when the refund may be paid without review. */
    public static String review(long amountMinor, long thresholdMinor, boolean dependencyDegraded) {
        if (dependencyDegraded) {
            return DEPENDENCY_DEGRADED;
        }
        if (amountMinor > thresholdMinor) {
            return AMOUNT_ABOVE_THRESHOLD;
        }
        return null;
    }
}
