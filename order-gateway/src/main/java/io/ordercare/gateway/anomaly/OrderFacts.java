package io.ordercare.gateway.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the anomaly rules look at, gathered by the caller so that the rules are pure functions of it.
 *
 * @param totalMinor                 what the customer pays for the order, in minor units of {@code currency}
 * @param stockBySku                 units available per SKU; a SKU not in the map has unknown stock
 * @param addressChangedAfterPayment whether the change being evaluated replaced the address of a paid order
 * @param now                        the time of evaluation
 */
public record OrderFacts(
        List<ItemFacts> items,
        long totalMinor,
        String currency,
        boolean paid,
        String shippingCity,
        CustomerHistory customer,
        Map<String, Integer> stockBySku,
        boolean addressChangedAfterPayment,
        Instant now) {

    public OrderFacts {
        items = List.copyOf(items);
        stockBySku = Map.copyOf(stockBySku);
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(now, "now");
    }
}
