package io.ordercare.gateway.anomaly;

import java.util.List;
import java.util.Optional;

/** All anomaly rules, run at intake and after every change of an order. */
public final class AnomalyRules {

    private final List<AnomalyRule> rules;

    public AnomalyRules() {
        this(List.of(new PriceAnomalyRule(), new StockShortageRule(), new FraudRiskRule(),
                new AddressChangedAfterPaymentRule()));
    }

    public AnomalyRules(List<AnomalyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every anomaly the facts show, at most one per rule, in the order of the rules. */
    public List<Anomaly> check(OrderFacts facts, AnomalyThresholds thresholds) {
        return rules.stream()
                .map(rule -> rule.check(facts, thresholds))
                .flatMap(Optional::stream)
                .toList();
    }
}
