package io.ordercare.gateway.anomaly;

import java.time.Instant;
import java.util.Set;

/**
 * What is known of the customer before this order.
 *
 * @param firstSeenAt    when the customer was first seen; null when unknown
 * @param previousOrders orders before this one
 * @param usualCities    cities the previous orders were shipped to
 */
public record CustomerHistory(Instant firstSeenAt, int previousOrders, Set<String> usualCities) {

    public CustomerHistory {
        usualCities = Set.copyOf(usualCities);
    }
}
