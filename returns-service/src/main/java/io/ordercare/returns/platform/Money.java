package io.ordercare.returns.platform;

import java.math.BigDecimal;

/** Minor units as people read them, e.g. {@code 89.50 CNY}. */
public final class Money {

    private Money() {
    }

    public static String format(long minor, String currency) {
        return BigDecimal.valueOf(minor, 2).toPlainString() + " " + (currency == null ? "" : currency);
    }
}
