package io.ordercare.dialog.returns;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.ItemSlot;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * "It is cheaper now": which item, at what price now (the customer names it), read back, then claimed in
 * returns-service, which checks the window and the policy and refunds the difference once.
 */
@ApplicationScoped
public class PriceProtectionAction implements FlowAction {

    @Inject
    Replies replies;

    @Inject
    ReturnsClient returns;

    @Override
    public String name() {
        return "price_protection";
    }

    @Override
    public boolean fill(TurnContext ctx, Flow.Slot slot, Order order) {
        if (ItemSlot.SLOT.equals(slot.name())) {
            return ItemSlot.fill(ctx, order);
        }
        boolean filled = FlowAction.super.fill(ctx, slot, order);
        if (filled && priceMinor(ctx) <= 0) {
            ctx.state.slots.remove("amount");
            ctx.state.slots.remove(slot.name());
            return false;
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
        return new Object[] { r.item(ctx.locale(), item), Replies.money(item.getUnitPrice()),
                Replies.money(Money.newBuilder().setMinor(priceMinor(ctx)).setCurrency(item.getUnitPrice().getCurrency())
                        .build()) };
    }

    /** "79.00 CNY" (the NLU's amount) in minor units; 0 when it is not one. */
    static long priceMinor(TurnContext ctx) {
        String amount = ctx.state.slots.getOrDefault("amount", "").split(" ")[0];
        try {
            return new BigDecimal(amount).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        OrderItem item = ItemSlot.of(ctx, order).orElseThrow();
        return returns.claimPriceProtection(order.getId(), item.getId(), priceMinor(ctx),
                "customer in " + ctx.conversation.channel + " conversation " + ctx.conversation.id)
                .invoke(r -> ctx.replies.add(replies.text(ctx.locale(), "price_protection.done",
                        replies.item(ctx.locale(), item), Replies.money(Money.newBuilder().setMinor(r.getAmount().getMinor())
                                .setCurrency(r.getAmount().getCurrency()).build()),
                        replies.paymentMethod(ctx.locale(), r.getPaymentMethod()),
                        replies.textOr(ctx.locale(), "refund-status." + r.getStatus(), "refund-status.OTHER"))))
                .replaceWithVoid();
    }
}
