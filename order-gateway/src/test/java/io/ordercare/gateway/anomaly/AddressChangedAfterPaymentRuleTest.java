package io.ordercare.gateway.anomaly;

import static io.ordercare.gateway.anomaly.OrderFactsBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressChangedAfterPaymentRuleTest {

    private final AddressChangedAfterPaymentRule rule = new AddressChangedAfterPaymentRule();

    @Test
    void addressChangedAfterPaymentIsFlagged() {
        OrderFacts facts = anOrder().addressChangedAfterPayment().build();

        assertThat(rule.check(facts, AnomalyThresholds.defaults()))
                .contains(new Anomaly(FlagKind.ADDRESS_CHANGED_AFTER_PAYMENT,
                        "shipping address changed after payment"));
    }

    @Test
    void orderWithoutAddressChangeIsNotFlagged() {
        assertThat(rule.check(anOrder().build(), AnomalyThresholds.defaults())).isEmpty();
    }
}
