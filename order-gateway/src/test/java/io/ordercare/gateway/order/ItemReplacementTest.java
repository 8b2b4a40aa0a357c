package io.ordercare.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.gateway.inventory.InventoryLevel;
import io.ordercare.platform.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of putting a substitute on an order line. */
class ItemReplacementTest {

    private static OrderItem line(String sku, int quantity, long unitPriceMinor) {
        OrderItem i = new OrderItem();
        i.sku = sku;
        i.name = "纯棉T恤";
        i.category = "apparel";
        i.size = "M";
        i.colour = "红色";
        i.quantity = quantity;
        i.unitPriceMinor = unitPriceMinor;
        i.listPriceMinor = 9900;
        return i;
    }

    private static InventoryLevel product(String sku, String category, Long price) {
        InventoryLevel l = new InventoryLevel();
        l.sku = sku;
        l.name = "加厚T恤";
        l.category = category;
        l.unitPriceMinor = price;
        l.currency = price == null ? null : "CNY";
        l.size = "L";
        l.colour = null;
        l.available = 5;
        return l;
    }

    @Test
    void aDearerSubstituteIsChargedAtTheLinesPriceAndACheaperOneAtItsOwn() {
        OrderItem dearer = line("TEE-M-RED", 2, 8900);
        ItemReplacement.apply(dearer, product("TEE-L", "apparel", 9900L));
        assertThat(dearer.unitPriceMinor).isEqualTo(8900);
        assertThat(dearer.listPriceMinor).isEqualTo(9900);

        OrderItem cheaper = line("TEE-M-RED", 2, 8900);
        ItemReplacement.apply(cheaper, product("TEE-L", "apparel", 7900L));
        assertThat(cheaper.unitPriceMinor).isEqualTo(7900);
        assertThat(cheaper.listPriceMinor).isEqualTo(7900);
    }

    @Test
    void theLineTakesTheSubstitutesFactsAndKeepsItsQuantity() {
        OrderItem item = line("TEE-M-RED", 2, 8900);
        ItemReplacement.apply(item, product("TEE-L", "apparel", 9900L));
        assertThat(item.sku).isEqualTo("TEE-L");
        assertThat(item.name).isEqualTo("加厚T恤");
        assertThat(item.category).isEqualTo("apparel");
        assertThat(item.size).isEqualTo("L");
        assertThat(item.colour).isNull();
        assertThat(item.quantity).isEqualTo(2);
    }

    @Test
    void aSubstituteWithoutANameIsNamedByItsSku() {
        OrderItem item = line("TEE-M-RED", 1, 8900);
        InventoryLevel nameless = product("TEE-L", "apparel", 9900L);
        nameless.name = null;
        ItemReplacement.apply(item, nameless);
        assertThat(item.name).isEqualTo("TEE-L");
    }

    @Test
    void unknownSameOtherCategoryUnpricedAndForeignCurrencySkusAreRefused() {
        OrderItem item = line("TEE-M-RED", 1, 8900);
        InventoryLevel dollars = product("TEE-USD", "apparel", 9900L);
        dollars.currency = "USD";

        assertThat(ItemReplacement.problems(item, "NOPE", null, "CNY"))
                .containsExactly(new FieldError("sku", "unknown_sku", "NOPE"));
        assertThat(ItemReplacement.problems(item, "TEE-M-RED", product("TEE-M-RED", "apparel", 9900L), "CNY"))
                .containsExactly(new FieldError("sku", "same_sku", "TEE-M-RED"));
        assertThat(ItemReplacement.problems(item, "PHONE", product("PHONE", "digital", 9900L), "CNY"))
                .containsExactly(new FieldError("sku", "category_mismatch", "digital"));
        assertThat(ItemReplacement.problems(item, "TEE-L", product("TEE-L", "apparel", null), "CNY"))
                .containsExactly(new FieldError("sku", "no_price", "TEE-L"));
        assertThat(ItemReplacement.problems(item, "TEE-USD", dollars, "CNY"))
                .containsExactly(new FieldError("sku", "currency_mismatch", "USD"));
        assertThat(ItemReplacement.problems(item, "TEE-L", product("TEE-L", "apparel", 9900L), "CNY")).isEmpty();
    }

    @Test
    void theOrderNeedsTheLinesQuantityPlusWhatOtherLinesTakeOfTheSubstitute() {
        OrderItem replaced = line("TEE-M-RED", 2, 8900);
        OrderItem other = line("TEE-L", 3, 8900);
        OrderItem unrelated = line("SOCKS", 4, 900);
        assertThat(ItemReplacement.needed(replaced, List.of(replaced, other, unrelated), "TEE-L")).isEqualTo(5);
        assertThat(ItemReplacement.needed(replaced, List.of(replaced, other, unrelated), "TEE-XL")).isEqualTo(2);
    }
}
