package io.ordercare.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.ordercare.gateway.inventory.InventoryLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which snapshot rows may stand in for an item, and in which order. */
class SubstituteRankingTest {

    private static final SubstituteRanking RANKING = new SubstituteRanking(new BigDecimal("0.30"));
    /** Two red M T-shirts at 100.00 each. */
    private static final OrderView.ItemView ITEM = new OrderView.ItemView(1, "TEE-M-RED", "T恤", "apparel", "M", "红色",
            2, 10000, 12000);

    private static InventoryLevel row(String sku, String category, Long price, String currency, String size,
            String colour, int available) {
        InventoryLevel l = new InventoryLevel();
        l.sku = sku;
        l.category = category;
        l.unitPriceMinor = price;
        l.currency = currency;
        l.size = size;
        l.colour = colour;
        l.available = available;
        return l;
    }

    private static InventoryLevel tee(String sku, long price, String size, String colour) {
        return row(sku, "apparel", price, "CNY", size, colour, 10);
    }

    private static List<Substitute> rank(InventoryLevel... rows) {
        return RANKING.rank(ITEM, "CNY", Map.of(), List.of(rows), 20);
    }

    @Test
    void theWindowIsThirtyPercentEitherSideOfTheUnitPriceInclusive() {
        assertThat(RANKING.lowestPrice(10000)).isEqualTo(7000);
        assertThat(RANKING.highestPrice(10000)).isEqualTo(13000);
        // rounded inwards: 70 % of 99.99 is 69.993, so 69.99 is outside
        assertThat(RANKING.lowestPrice(9999)).isEqualTo(7000);
        assertThat(RANKING.highestPrice(9999)).isEqualTo(12998);

        assertThat(rank(tee("AT-LOW", 7000, "M", "红色"), tee("AT-HIGH", 13000, "M", "红色"),
                tee("BELOW", 6999, "M", "红色"), tee("ABOVE", 13001, "M", "红色")))
                .extracting(Substitute::sku).containsExactlyInAnyOrder("AT-LOW", "AT-HIGH");
    }

    @Test
    void onlyAnotherPricedSkuOfTheSameCategoryAndCurrencyQualifies() {
        assertThat(rank(tee("TEE-M-RED", 10000, "M", "红色"),
                row("PHONE", "digital", 10000L, "CNY", null, null, 10),
                row("NO-CATEGORY", null, 10000L, "CNY", null, null, 10),
                row("NO-PRICE", "apparel", null, null, "M", "红色", 10),
                row("DOLLARS", "apparel", 10000L, "USD", "M", "红色", 10),
                row("UPPER-CASE", "Apparel", 10000L, "CNY", "M", "红色", 10)))
                .extracting(Substitute::sku).containsExactly("UPPER-CASE");
    }

    @Test
    void enoughMustBeAvailableForTheQuantityAndWhatOtherLinesTakeOfIt() {
        List<InventoryLevel> rows = List.of(row("ONE-LEFT", "apparel", 10000L, "CNY", "M", "红色", 1),
                row("TWO-LEFT", "apparel", 10000L, "CNY", "M", "红色", 2),
                row("THREE-LEFT", "apparel", 10000L, "CNY", "M", "红色", 3));

        assertThat(RANKING.rank(ITEM, "CNY", Map.of(), rows, 20)).extracting(Substitute::sku)
                .containsExactly("THREE-LEFT", "TWO-LEFT");
        // another line of the order already takes one TWO-LEFT
        assertThat(RANKING.rank(ITEM, "CNY", Map.of("TWO-LEFT", 1), rows, 20)).extracting(Substitute::sku)
                .containsExactly("THREE-LEFT");
    }

    @Test
    void scoreIsPriceClosenessPlusHalfForTheSizeAndAQuarterForTheColour() {
        List<Substitute> ranked = rank(tee("SAME", 10000, "M", "红色"), tee("SIZE-ONLY", 10000, "M", "蓝色"),
                tee("COLOUR-ONLY", 10000, "L", "红色"), tee("NEITHER", 10000, "L", "蓝色"),
                tee("CHEAPER", 9000, "M", "红色"), tee("BLANK", 11000, null, " "));

        assertThat(ranked).extracting(Substitute::sku)
                .containsExactly("SAME", "BLANK", "CHEAPER", "SIZE-ONLY", "COLOUR-ONLY", "NEITHER");
        assertThat(ranked).extracting(Substitute::score)
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
                .containsExactly(1.75, 1.65, 1.65, 1.5, 1.25, 1.0);
    }

    @Test
    void sizeAndColourCompareIgnoringCaseAndSurroundingBlanks() {
        OrderView.ItemView item = new OrderView.ItemView(1, "SHOE-42", "Sneaker", "apparel", "m", "Red", 1, 10000,
                10000);
        List<Substitute> ranked = RANKING.rank(item, "CNY", Map.of(), List.of(tee("OTHER", 10000, " M ", "RED")), 3);
        assertThat(ranked.get(0).score()).isCloseTo(1.75, within(1e-9));
    }

    @Test
    void equalScoresGoBySkuAndTheLimitKeepsTheBest() {
        List<Substitute> ranked = RANKING.rank(ITEM, "CNY", Map.of(), List.of(tee("C", 10000, "M", "红色"),
                tee("A", 10000, "M", "红色"), tee("B", 10000, "M", "红色"), tee("WORSE", 12000, "M", "红色")), 2);
        assertThat(ranked).extracting(Substitute::sku).containsExactly("A", "B");
    }

    @Test
    void theSubstituteCarriesTheSnapshotsFacts() {
        InventoryLevel row = tee("TEE-M-BLUE", 9500, "M", "蓝色");
        row.name = "纯棉T恤 蓝";
        Substitute s = rank(row).get(0);
        assertThat(s).isEqualTo(new Substitute("TEE-M-BLUE", "纯棉T恤 蓝", "apparel", "M", "蓝色", 9500, "CNY", 10,
                s.score()));
        assertThat(s.score()).isCloseTo(0.95 + 0.5, within(1e-9));
    }

    @Test
    void aFreeItemIsOnlyMatchedByAFreeProduct() {
        OrderView.ItemView gift = new OrderView.ItemView(1, "GIFT", "Gift", "apparel", null, null, 1, 0, 0);
        assertThat(RANKING.rank(gift, "CNY", Map.of(), List.of(tee("FREE", 0, "M", "红色"), tee("CHEAP", 1, "M", "红色")),
                5)).extracting(Substitute::sku, Substitute::score).containsExactly(
                        tuple("FREE", 1.75));
    }
}
