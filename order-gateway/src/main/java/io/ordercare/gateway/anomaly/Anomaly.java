package io.ordercare.gateway.anomaly;

import java.util.Objects;

/**
 * Something wrong with an order that a person should look at.
 *
 * @param detail a short factual English line for agents and the audit log, free of personal data, e.g.
 *               {@code sku TSHIRT-M-RED paid 9.90 vs list 99.00 (10%)}; at most {@value #MAX_DETAIL_LENGTH}
 *               characters, longer ones are cut
 */
public record Anomaly(FlagKind kind, String detail) {

    /** The size of {@code order_flag.detail}. */
    public static final int MAX_DETAIL_LENGTH = 500;

    public Anomaly {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > MAX_DETAIL_LENGTH) {
            detail = detail.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
        }
    }
}
