package io.ordercare.gateway.anomaly;

import java.math.BigDecimal;

/** Amounts in minor units written as decimals for anomaly details: 990 → {@code 9.90}. */
final class MinorUnits {

    private MinorUnits() {
    }

    static String toDecimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
