package io.ordercare.gateway.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An unremarkable paid order of a long-standing customer; each test changes only what it is about. */
final class OrderFactsBuilder {

    static final Instant NOW = Instant.parse("2026-11-11T04:00:00Z");

    private List<ItemFacts> items = List.of(new ItemFacts("MUG-WHITE", "general", 1, 4900, 4900));
    private long totalMinor = 4900;
    private String shippingCity = "杭州市";
    private CustomerHistory customer = new CustomerHistory(NOW.minus(Duration.ofDays(400)), 6, Set.of("杭州市"));
    private Map<String, Integer> stockBySku = Map.of();
    private boolean addressChangedAfterPayment;

    static OrderFactsBuilder anOrder() {
        return new OrderFactsBuilder();
    }

    OrderFactsBuilder items(ItemFacts... items) {
        this.items = List.of(items);
        return this;
    }

    OrderFactsBuilder totalMinor(long totalMinor) {
        this.totalMinor = totalMinor;
        return this;
    }

    OrderFactsBuilder shippingCity(String shippingCity) {
        this.shippingCity = shippingCity;
        return this;
    }

    OrderFactsBuilder customer(CustomerHistory customer) {
        this.customer = customer;
        return this;
    }

    OrderFactsBuilder stock(Map<String, Integer> stockBySku) {
        this.stockBySku = stockBySku;
        return this;
    }

    OrderFactsBuilder addressChangedAfterPayment() {
        this.addressChangedAfterPayment = true;
        return this;
    }

    OrderFacts build() {
        return new OrderFacts(items, totalMinor, "CNY", true, shippingCity, customer, stockBySku,
                addressChangedAfterPayment, NOW);
    }
}
