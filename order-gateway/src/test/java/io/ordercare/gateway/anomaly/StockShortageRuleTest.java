package io.ordercare.gateway.anomaly;

import static io.ordercare.gateway.anomaly.OrderFactsBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StockShortageRuleTest {

    private final StockShortageRule rule = new StockShortageRule();

    @Test
    void quantityAboveAvailableStockIsAShortage() {
        OrderFacts facts = anOrder().items(new ItemFacts("HOODIE-XL-BLK", "apparel", 3, 53955, 59950))
                .stock(Map.of("HOODIE-XL-BLK", 1)).build();

        assertThat(check(facts))
                .contains(new Anomaly(FlagKind.STOCK_SHORTAGE, "sku HOODIE-XL-BLK wanted 3, available 1"));
    }

    @Test
    void quantityEqualToAvailableStockIsNoShortage() {
        OrderFacts facts = anOrder().items(new ItemFacts("HOODIE-XL-BLK", "apparel", 2, 53955, 59950))
                .stock(Map.of("HOODIE-XL-BLK", 2)).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void unknownSkuIsNeverAShortage() {
        OrderFacts facts = anOrder().items(new ItemFacts("HOODIE-XL-BLK", "apparel", 50, 53955, 59950))
                .stock(Map.of("OTHER-SKU", 0)).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void linesOfTheSameSkuCountTogether() {
        OrderFacts facts = anOrder().items(
                        new ItemFacts("HOODIE-XL-BLK", "apparel", 2, 53955, 59950),
                        new ItemFacts("HOODIE-XL-BLK", "apparel", 1, 0, 59950))
                .stock(Map.of("HOODIE-XL-BLK", 2)).build();

        assertThat(check(facts)).map(Anomaly::detail).contains("sku HOODIE-XL-BLK wanted 3, available 2");
    }

    @Test
    void everyShortSkuIsNamedInOneFlag() {
        OrderFacts facts = anOrder().items(
                        new ItemFacts("HOODIE-XL-BLK", "apparel", 2, 53955, 59950),
                        new ItemFacts("FRIDGE-BCD-501", "large_appliance", 1, 449910, 499900))
                .stock(Map.of("HOODIE-XL-BLK", 0, "FRIDGE-BCD-501", 0)).build();

        assertThat(check(facts)).map(Anomaly::detail)
                .contains("sku HOODIE-XL-BLK wanted 2, available 0; sku FRIDGE-BCD-501 wanted 1, available 0");
    }

    private Optional<Anomaly> check(OrderFacts facts) {
        return rule.check(facts, AnomalyThresholds.defaults());
    }
}
