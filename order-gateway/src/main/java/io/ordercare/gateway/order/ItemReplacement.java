package io.ordercare.gateway.order;

import io.ordercare.gateway.inventory.InventoryLevel;
import io.ordercare.platform.FieldError;
import java.util.List;

/**
 * The rules of putting another product on an order line (ReplaceItem). The substitute must be another SKU the
 * inventory snapshot knows, of the line's category, priced in the order's currency, and available for what the
 * order would then take of it. The line takes its SKU, name, category, size and colour and keeps its quantity;
 * its unit price becomes the lower of the two, because a customer never pays more for a substitute the shop
 * offered, and its list price the substitute's (the shop's price of the product now on the line).
 */
final class ItemReplacement {

    private ItemReplacement() {
    }

    /** Why {@code substitute} (the snapshot's row for {@code sku}, null when unknown) cannot replace {@code item}. */
    static List<FieldError> problems(OrderItem item, String sku, InventoryLevel substitute, String currency) {
        if (sku.equals(item.sku)) {
            return List.of(new FieldError("sku", "same_sku", sku));
        }
        if (substitute == null) {
            return List.of(new FieldError("sku", "unknown_sku", sku));
        }
        if (substitute.category == null || !substitute.category.equalsIgnoreCase(item.category)) {
            return List.of(new FieldError("sku", "category_mismatch", substitute.category));
        }
        if (substitute.unitPriceMinor == null) {
            return List.of(new FieldError("sku", "no_price", sku));
        }
        if (!substitute.currency.equals(currency)) {
            return List.of(new FieldError("sku", "currency_mismatch", substitute.currency));
        }
        return List.of();
    }

    /** The units of {@code sku} the order takes once {@code item} carries it: its quantity and other lines'. */
    static int needed(OrderItem item, List<OrderItem> items, String sku) {
        return item.quantity + items.stream().filter(i -> i != item && sku.equals(i.sku)).mapToInt(i -> i.quantity).sum();
    }

    static void apply(OrderItem item, InventoryLevel substitute) {
        item.sku = substitute.sku;
        // order_item.name is required; a snapshot row without a name is named by its SKU
        item.name = substitute.name == null ? substitute.sku : substitute.name;
        item.category = substitute.category;
        item.size = substitute.size;
        item.colour = substitute.colour;
        item.unitPriceMinor = Math.min(item.unitPriceMinor, substitute.unitPriceMinor);
        item.listPriceMinor = substitute.unitPriceMinor;
    }
}
