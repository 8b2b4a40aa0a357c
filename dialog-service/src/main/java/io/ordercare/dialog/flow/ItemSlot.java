package io.ordercare.dialog.flow;

import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code item} slot: which item of the order the customer means — the only one, the one whose name they used
 * ("the hoodie", "T恤"), or the number they picked from the list.
 */
public final class ItemSlot {

    public static final String SLOT = "item";

    private ItemSlot() {
    }

    public static boolean fill(TurnContext ctx, Order order) {
        Optional<OrderItem> item = order.getItemsCount() == 1 ? Optional.of(order.getItems(0)) : byName(ctx.text, order);
        if (item.isEmpty() && ctx.state.slot != null && ctx.state.slot.equals(SLOT)) {
            int n = DialogEngine.ordinal(ctx.text);
            if (n >= 1 && n <= order.getItemsCount()) {
                item = Optional.of(order.getItems(n - 1));
            }
        }
        item.ifPresent(i -> ctx.state.slots.put(SLOT, String.valueOf(i.getId())));
        return item.isPresent();
    }

    public static Optional<OrderItem> of(TurnContext ctx, Order order) {
        String id = ctx.state.slots.get(SLOT);
        return order.getItemsList().stream().filter(i -> String.valueOf(i.getId()).equals(id)).findFirst();
    }

    /** The items, numbered, for the question "which one?". */
    public static String list(TurnContext ctx, Order order, Replies replies) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < order.getItemsCount(); i++) {
            b.append('\n').append(i + 1).append(". ").append(replies.item(ctx.locale(), order.getItems(i)));
        }
        return b.toString();
    }

    /**
     * The item whose name shares a word (English, 4+ letters) or two consecutive characters (Chinese) with the
     * message, when exactly one does.
     */
    static Optional<OrderItem> byName(String text, Order order) {
        String t = text.toLowerCase(Locale.ROOT);
        OrderItem found = null;
        for (OrderItem i : order.getItemsList()) {
            if (mentions(t, i.getName().toLowerCase(Locale.ROOT))) {
                if (found != null) {
                    return Optional.empty();
                }
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean mentions(String text, String name) {
        for (String word : name.split("[^\\p{IsLatin}]+")) {
            if (word.length() >= 4 && text.contains(word)) {
                return true;
            }
        }
        for (int k = 0; k + 2 <= name.length(); k++) {
            String pair = name.substring(k, k + 2);
            if (Character.UnicodeScript.of(pair.codePointAt(0)) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(pair.codePointAt(1)) == Character.UnicodeScript.HAN
                    && text.contains(pair)) {
                return true;
            }
        }
        return false;
    }
}
