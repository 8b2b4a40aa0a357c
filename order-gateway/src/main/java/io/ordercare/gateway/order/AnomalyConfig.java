package io.ordercare.gateway.order;

import io.ordercare.gateway.anomaly.AnomalyThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Thresholds of the anomaly rules ({@code ordercare.anomaly.*}). */
@ConfigMapping(prefix = "ordercare.anomaly")
public interface AnomalyConfig {

    /** Paid unit price below this share of the list price is a price anomaly. */
    @WithDefault("0.5")
    double priceRatioFloor();

    /** Paid unit price above this share of the list price is a price anomaly. */
    @WithDefault("1.5")
    double priceRatioCeiling();

    /** From this order total (minor units) on, an order counts as high value for fraud signals. */
    @WithDefault("500000")
    long fraudHighValueMinor();

    /** A customer first seen less than this ago counts as a new account. */
    @WithDefault("24H")
    Duration newAccountAge();

    default AnomalyThresholds thresholds() {
        return new AnomalyThresholds(priceRatioFloor(), priceRatioCeiling(), fraudHighValueMinor(), newAccountAge());
    }
}
