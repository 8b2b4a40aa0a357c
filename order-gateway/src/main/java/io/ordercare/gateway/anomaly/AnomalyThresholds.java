package io.ordercare.gateway.anomaly;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable limits of the anomaly rules.
 *
 * @param priceRatioFloor     a unit paid below this share of its list price is a price anomaly
 * @param priceRatioCeiling   a unit paid above this share of its list price is a price anomaly
 * @param fraudHighValueMinor from this order total on, in minor units, the order counts as high value
 * @param newAccountAge       a customer first seen less than this long ago has a new account
 */
public record AnomalyThresholds(
        double priceRatioFloor,
        double priceRatioCeiling,
        long fraudHighValueMinor,
        Duration newAccountAge) {

    public AnomalyThresholds {
        if (!(priceRatioFloor >= 0 && priceRatioFloor <= priceRatioCeiling)) {
            throw new IllegalArgumentException(
                    "price ratio floor " + priceRatioFloor + " must be between 0 and the ceiling " + priceRatioCeiling);
        }
        if (fraudHighValueMinor <= 0) {
            throw new IllegalArgumentException("fraud high value must be positive, was " + fraudHighValueMinor);
        }
        Objects.requireNonNull(newAccountAge, "newAccountAge");
        if (newAccountAge.isNegative()) {
            throw new IllegalArgumentException("new account age must not be negative, was " + newAccountAge);
        }
    }

    /** Paid below 50 % or above 150 % of list, high value from 5,000.00, new account for 24 hours. */
    public static AnomalyThresholds defaults() {
        return new AnomalyThresholds(0.5, 1.5, 500_000, Duration.ofHours(24));
    }
}
