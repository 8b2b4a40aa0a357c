package io.ordercare.gateway.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs of fraud that mean little alone but much together: a new account or first order, a high order value, and
 * shipping to a city the customer never used. At least {@value #SIGNALS_NEEDED} of them raise the flag.
 */
public final class FraudRiskRule implements AnomalyRule {

    static final int SIGNALS_NEEDED = 2;

    @Override
    public Optional<Anomaly> check(OrderFacts facts, AnomalyThresholds thresholds) {
        List<String> signals = new ArrayList<>();
        if (isNewCustomer(facts, thresholds)) {
            signals.add("new account or first order");
        }
        if (facts.totalMinor() >= thresholds.fraudHighValueMinor()) {
            signals.add("high value " + MinorUnits.toDecimal(facts.totalMinor()) + " " + facts.currency());
        }
        if (shipsToUnusualCity(facts)) {
            signals.add("shipping city not among usual cities");
        }
        return signals.size() >= SIGNALS_NEEDED
                ? Optional.of(new Anomaly(FlagKind.FRAUD_RISK, "fraud signals: " + String.join(", ", signals)))
                : Optional.empty();
    }

    private static boolean isNewCustomer(OrderFacts facts, AnomalyThresholds thresholds) {
        CustomerHistory customer = facts.customer();
        boolean firstSeenRecently = customer.firstSeenAt() != null
                && customer.firstSeenAt().isAfter(facts.now().minus(thresholds.newAccountAge()));
        return customer.previousOrders() == 0 || firstSeenRecently;
    }

    // Without previous deliveries no city is unusual.
    private static boolean shipsToUnusualCity(OrderFacts facts) {
        CustomerHistory customer = facts.customer();
        if (customer.previousOrders() == 0 || customer.usualCities().isEmpty() || facts.shippingCity() == null) {
            return false;
        }
        String city = comparable(facts.shippingCity());
        return customer.usualCities().stream().map(FraudRiskRule::comparable).noneMatch(city::equals);
    }

    // Platforms disagree on writing 杭州 or 杭州市, San Francisco or SAN FRANCISCO.
    private static String comparable(String city) {
        String normalized = city.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > 1 && normalized.endsWith("市")
                ? normalized.substring(0, normalized.length() - 1)
                : normalized;
    }
}
