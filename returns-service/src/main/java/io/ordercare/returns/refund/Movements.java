package io.ordercare.returns.refund;

/**
 * The two directions of money in the ledger. Refund kinds (RETURN, REFUND_ONLY, DUPLICATE_CHARGE, PRICE_PROTECTION,
 * EXCHANGE_DIFFERENCE) are paid out to the customer; {@code EXCHANGE_CHARGE} (a dearer exchange replacement) is
 * charged to the customer's original payment method. Both go through the same ledger, review, payer, retries and
 * confirmation; their audit actions and events are named for what they are.
 */
public final class Movements {

    public static final String EXCHANGE_CHARGE = "EXCHANGE_CHARGE";

    private Movements() {
    }

    public static boolean isCharge(String kind) {
        return EXCHANGE_CHARGE.equals(kind);
    }

    /**
     * The audit action for a ledger entry of {@code kind}: the refund action as it is for refunds; for a charge
     * {@code charge.issued}, {@code charge.held-for-review}, {@code charge.approved}, {@code charge.rejected},
     * {@code charge.submitted}, {@code charge.failed}, {@code charge.paid}.
     */
    public static String action(String kind, String refundAction) {
        if (!isCharge(kind)) {
            return refundAction;
        }
        return "charge." + refundAction.substring(refundAction.indexOf('.') + 1);
    }

    /**
     * The event type for a ledger entry of {@code kind}, or null when there is none: refunds keep theirs; a charge
     * announces {@code exchange.difference-charged} (confirmed), {@code exchange.charge-manual-review} and
     * {@code exchange.charge-rejected}; its issue is already announced by {@code exchange.shipped}.
     */
    public static String eventType(String kind, String refundType) {
        if (!isCharge(kind)) {
            return refundType;
        }
        return switch (refundType) {
            case "refund.paid" -> "exchange.difference-charged";
            case "refund.manual-review" -> "exchange.charge-manual-review";
            case "refund.rejected" -> "exchange.charge-rejected";
            default -> null;
        };
    }

    /** The field naming the ledger entry in events: {@code refundId} or {@code chargeId}. */
    public static String idField(String kind) {
        return isCharge(kind) ? "chargeId" : "refundId";
    }
}
