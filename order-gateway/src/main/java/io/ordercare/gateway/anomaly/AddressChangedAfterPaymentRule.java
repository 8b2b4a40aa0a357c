package io.ordercare.gateway.anomaly;

import java.util.Optional;

/** A paid order whose shipping address was replaced: a common step in account-takeover fraud, worth a look. */
public final class AddressChangedAfterPaymentRule implements AnomalyRule {

    @Override
    public Optional<Anomaly> check(OrderFacts facts, AnomalyThresholds thresholds) {
        if (!facts.addressChangedAfterPayment()) {
            return Optional.empty();
        }
        return Optional.of(new Anomaly(FlagKind.ADDRESS_CHANGED_AFTER_PAYMENT,
                "shipping address changed after payment"));
    }
}
