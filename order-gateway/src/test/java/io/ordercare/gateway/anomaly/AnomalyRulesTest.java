package io.ordercare.gateway.anomaly;

import static io.ordercare.gateway.anomaly.OrderFactsBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyRulesTest {

    private final AnomalyRules rules = new AnomalyRules();

    @Test
    void unremarkableOrderRaisesNothing() {
        assertThat(rules.check(anOrder().build(), AnomalyThresholds.defaults())).isEmpty();
    }

    @Test
    void everyRuleThatFindsSomethingContributesOneAnomaly() {
        OrderFacts facts = anOrder()
                .items(new ItemFacts("TSHIRT-M-RED", "apparel", 3, 990, 9900))
                .stock(Map.of("TSHIRT-M-RED", 1))
                .addressChangedAfterPayment()
                .build();

        assertThat(rules.check(facts, AnomalyThresholds.defaults())).extracting(Anomaly::kind).containsExactly(
                FlagKind.PRICE_ANOMALY, FlagKind.STOCK_SHORTAGE, FlagKind.ADDRESS_CHANGED_AFTER_PAYMENT);
    }
}
