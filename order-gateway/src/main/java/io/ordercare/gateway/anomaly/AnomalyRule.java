package io.ordercare.gateway.anomaly;

import java.util.Optional;

/** One kind of anomaly; a pure function of the facts and thresholds. */
public interface AnomalyRule {

    /** The anomaly when the facts show one, naming everything that triggered it. */
    Optional<Anomaly> check(OrderFacts facts, AnomalyThresholds thresholds);
}
