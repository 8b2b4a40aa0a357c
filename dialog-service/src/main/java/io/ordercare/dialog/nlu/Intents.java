package io.ordercare.dialog.nlu;

import java.util.List;

/** The intent labels the NLU emits; the labelled data under {@code resources/nlu} uses exactly these. */
public final class Intents {

    public static final String ORDER_STATUS = "order_status";
    public static final String DELIVERY_TIME = "delivery_time";
    public static final String CHANGE_ADDRESS = "change_address";
    public static final String CHANGE_ITEMS = "change_items";
    public static final String CANCEL_ORDER = "cancel_order";
    public static final String PAYMENT_ISSUE = "payment_issue";
    public static final String RETURN_REQUEST = "return_request";
    public static final String EXCHANGE_REQUEST = "exchange_request";
    public static final String REFUND_STATUS = "refund_status";
    public static final String PRICE_PROTECTION = "price_protection";
    public static final String COMPLAINT = "complaint";
    public static final String HUMAN_AGENT = "human_agent";
    public static final String CONFIRM = "confirm";
    public static final String DENY = "deny";
    public static final String GREETING = "greeting";
    public static final String THANKS = "thanks";
    public static final String UNKNOWN = "unknown";

    /** Every label, {@code unknown} last. */
    public static final List<String> ALL = List.of(ORDER_STATUS, DELIVERY_TIME, CHANGE_ADDRESS, CHANGE_ITEMS,
            CANCEL_ORDER, PAYMENT_ISSUE, RETURN_REQUEST, EXCHANGE_REQUEST, REFUND_STATUS, PRICE_PROTECTION, COMPLAINT,
            HUMAN_AGENT, CONFIRM, DENY, GREETING, THANKS, UNKNOWN);

    private Intents() {
    }
}
