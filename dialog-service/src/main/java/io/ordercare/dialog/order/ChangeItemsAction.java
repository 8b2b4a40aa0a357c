package io.ordercare.dialog.order;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.ItemSlot;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.proto.order.v1.ItemChange;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Size, colour or quantity of one item: which item, what changes, read back, then changed in order-gateway. */
@ApplicationScoped
public class ChangeItemsAction implements FlowAction {

    @Inject
    Replies replies;

    @Inject
    OrderClient orders;

    @Override
    public String name() {
        return "change_items";
    }

    @Override
    public boolean fill(TurnContext ctx, Flow.Slot slot, Order order) {
        if (ItemSlot.SLOT.equals(slot.name())) {
            return ItemSlot.fill(ctx, order);
        }
        boolean filled = FlowAction.super.fill(ctx, slot, order);
        String q = ctx.state.slots.get("quantity");
        if (q != null && !q.matches("[1-9]\\d{0,2}")) {
            ctx.state.slots.remove("quantity");
            filled = ctx.state.slots.containsKey("size") || ctx.state.slots.containsKey("colour");
            if (!filled) {
                ctx.state.slots.remove(slot.name());
            }
        }
        return filled;
    }

    @Override
    public Object[] askArgs(TurnContext ctx, Flow.Slot slot, Order order, Replies r) {
        if (ItemSlot.SLOT.equals(slot.name())) {
            return new Object[] { ItemSlot.list(ctx, order, r) };
        }
        return new Object[] { ItemSlot.of(ctx, order).map(i -> r.item(ctx.locale(), i)).orElse("") };
    }

    @Override
    public Object[] confirmArgs(TurnContext ctx, Order order, Replies r) {
        OrderItem item = ItemSlot.of(ctx, order).orElseThrow();
        return new Object[] { r.item(ctx.locale(), item), changes(ctx, r), Replies.orderNumber(order) };
    }

    private String changes(TurnContext ctx, Replies r) {
        Locale l = ctx.locale();
        var s = ctx.state.slots;
        List<String> parts = new ArrayList<>();
        if (s.containsKey("size")) {
            parts.add(r.text(l, "change.size", s.get("size")));
        }
        if (s.containsKey("colour")) {
            parts.add(r.text(l, "change.colour", s.get("colour")));
        }
        if (s.containsKey("quantity")) {
            parts.add(r.text(l, "change.quantity", s.get("quantity")));
        }
        return String.join(l == Replies.ZH ? "，" : ", ", parts);
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        var s = ctx.state.slots;
        OrderItem item = ItemSlot.of(ctx, order).orElseThrow();
        ItemChange change = ItemChange.newBuilder().setItemId(item.getId())
                .setQuantity(s.containsKey("quantity") ? Integer.parseInt(s.get("quantity")) : 0)
                .setSize(s.getOrDefault("size", "")).setColour(s.getOrDefault("colour", "")).build();
        String what = changes(ctx, replies);
        return orders.changeItems(order, change, "customer asked in " + ctx.conversation.channel + " conversation "
                + ctx.conversation.id).invoke(changed -> {
                    ctx.refreshOrders();
                    OrderItem now = changed.getItemsList().stream().filter(i -> i.getId() == item.getId()).findFirst()
                            .orElse(item);
                    ctx.replies.add(replies.text(ctx.locale(), "change_items.done", replies.item(ctx.locale(), now),
                            what, Replies.money(changed.getTotal())));
                }).replaceWithVoid();
    }
}
