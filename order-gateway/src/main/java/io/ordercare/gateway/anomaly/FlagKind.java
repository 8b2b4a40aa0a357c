package io.ordercare.gateway.anomaly;

/**
 * What a flag on an order is about; stored by name in {@code order_flag.kind} and published as the {@code kind}
 * of {@code order.flagged}. Some kinds are raised only by order-gateway's anomaly rules, the others by callers
 * (FlagOrder) to tell other channels and people what happened to the order.
 */
public enum FlagKind {
    /** A unit was paid far below or above its list price. */
    PRICE_ANOMALY(RaisedBy.RULES),
    /** More units are ordered than are in stock. */
    STOCK_SHORTAGE(RaisedBy.RULES),
    /** Enough signs of fraud come together. */
    FRAUD_RISK(RaisedBy.RULES),
    /** The shipping address was changed after the order was paid. */
    ADDRESS_CHANGED_AFTER_PAYMENT(RaisedBy.RULES),
    /** The confirmation calls never reached the customer: another channel should try. */
    CUSTOMER_UNREACHABLE(RaisedBy.CALLERS),
    /** The customer chose to wait for a short item to be restocked. */
    AWAITING_RESTOCK(RaisedBy.CALLERS),
    /** A call about the order was handed to a human agent. */
    NEEDS_AGENT(RaisedBy.CALLERS);

    private enum RaisedBy { RULES, CALLERS }

    private final RaisedBy raisedBy;

    FlagKind(RaisedBy raisedBy) {
        this.raisedBy = raisedBy;
    }

    /** True for the kinds callers may raise; the others belong to the anomaly rules, whose findings nobody fakes. */
    public boolean raisedByCallers() {
        return raisedBy == RaisedBy.CALLERS;
    }
}
