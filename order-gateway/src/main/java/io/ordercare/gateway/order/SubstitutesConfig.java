package io.ordercare.gateway.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How far substitutes may stray from the item they stand in for ({@code ordercare.substitutes.*}). */
@ConfigMapping(prefix = "ordercare.substitutes")
public interface SubstitutesConfig {

    /**
     * The largest price difference, as a share of the item's unit price, that still makes a substitute: 0.30 offers
     * products from 70 % to 130 % of what the customer paid for one unit.
     */
    @WithDefault("0.30")
    BigDecimal maxPriceDifference();
}
