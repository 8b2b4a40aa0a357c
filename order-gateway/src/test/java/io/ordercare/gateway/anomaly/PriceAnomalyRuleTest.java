package io.ordercare.gateway.anomaly;

import static io.ordercare.gateway.anomaly.OrderFactsBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceAnomalyRuleTest {

    private final PriceAnomalyRule rule = new PriceAnomalyRule();

    @Test
    void paidPriceFarBelowListPriceIsFlagged() {
        OrderFacts facts = anOrder().items(new ItemFacts("TSHIRT-M-RED", "apparel", 1, 990, 9900)).build();

        assertThat(check(facts))
                .contains(new Anomaly(FlagKind.PRICE_ANOMALY, "sku TSHIRT-M-RED paid 9.90 vs list 99.00 (10%)"));
    }

    @Test
    void paidPriceFarAboveListPriceIsFlagged() {
        OrderFacts facts = anOrder().items(new ItemFacts("PHONE-128", "digital", 1, 899900, 499900)).build();

        assertThat(check(facts))
                .contains(new Anomaly(FlagKind.PRICE_ANOMALY, "sku PHONE-128 paid 8999.00 vs list 4999.00 (180%)"));
    }

    @Test
    void ordinaryDiscountIsNotFlagged() {
        OrderFacts facts = anOrder().items(new ItemFacts("TSHIRT-M-RED", "apparel", 2, 6930, 9900)).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void priceExactlyAtTheFloorIsNotFlagged() {
        OrderFacts facts = anOrder().items(new ItemFacts("TSHIRT-M-RED", "apparel", 1, 4950, 9900)).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void lineWithoutListPriceIsNotJudged() {
        OrderFacts facts = anOrder().items(new ItemFacts("GIFT-CARD", "general", 1, 10000, 0)).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void everyAnomalousLineIsNamedInOneFlag() {
        OrderFacts facts = anOrder().items(
                new ItemFacts("TSHIRT-M-RED", "apparel", 1, 990, 9900),
                new ItemFacts("MUG-WHITE", "general", 1, 4900, 4900),
                new ItemFacts("CAP-BLK", "apparel", 1, 100, 5900)).build();

        assertThat(check(facts)).map(Anomaly::detail).contains(
                "sku TSHIRT-M-RED paid 9.90 vs list 99.00 (10%); sku CAP-BLK paid 1.00 vs list 59.00 (2%)");
    }

    @Test
    void floorComesFromTheThresholds() {
        OrderFacts facts = anOrder().items(new ItemFacts("TSHIRT-M-RED", "apparel", 1, 6930, 9900)).build();
        AnomalyThresholds strict = new AnomalyThresholds(0.8, 1.2, 500_000, Duration.ofHours(24));

        assertThat(rule.check(facts, strict)).isPresent();
    }

    @Test
    void manyAnomalousLinesNameTheFirstFiveAndCountTheRest() {
        ItemFacts[] items = new ItemFacts[7];
        for (int i = 0; i < items.length; i++) {
            items[i] = new ItemFacts("SKU-" + i, "general", 1, 100, 10000);
        }

        assertThat(check(anOrder().items(items).build())).map(Anomaly::detail).hasValueSatisfying(detail ->
                assertThat(detail).contains("sku SKU-4 paid").doesNotContain("SKU-5").endsWith("; and 2 more"));
    }

    private Optional<Anomaly> check(OrderFacts facts) {
        return rule.check(facts, AnomalyThresholds.defaults());
    }
}
