package io.ordercare.dialog.order;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.Payment;
import io.ordercare.proto.order.v1.PaymentTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Cancels the order before it ships. The read-back names what is refunded and where to: what was charged and not
 * refunded yet goes back to the original payment method (order-gateway's cancel does that).
 */
@ApplicationScoped
public class CancelOrderAction implements FlowAction {

    @Inject
    Replies replies;

    @Inject
    OrderClient orders;

    @Override
    public String name() {
        return "cancel_order";
    }

    @Override
    public Object[] confirmArgs(TurnContext ctx, Order order, Replies r) {
        return new Object[] { Replies.orderNumber(order), r.items(ctx.locale(), order), refund(ctx.locale(), order) };
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        String refund = refund(ctx.locale(), order);
        return orders.cancel(order, "customer asked in " + ctx.conversation.channel + " conversation " + ctx.conversation.id)
                .invoke(cancelled -> {
                    ctx.refreshOrders();
                    ctx.replies.add(replies.text(ctx.locale(), "cancel_order.done", Replies.orderNumber(cancelled), refund));
                }).replaceWithVoid();
    }

    /** "¥398.00 back to your Alipay", or "nothing was charged" (e.g. cash on delivery). */
    private String refund(Locale l, Order order) {
        long paid = 0;
        String currency = order.getTotal().getCurrency();
        String method = "";
        for (Payment p : order.getPaymentsList()) {
            for (PaymentTransaction t : p.getTransactionsList()) {
                if (!"SUCCEEDED".equals(t.getStatus())) {
                    continue;
                }
                paid += "REFUND".equals(t.getKind()) ? -t.getAmount().getMinor() : t.getAmount().getMinor();
                method = p.getMethod();
            }
        }
        if (paid <= 0) {
            return replies.text(l, "refund.nothing-charged");
        }
        return replies.text(l, "refund.to-method", Replies.money(Money.newBuilder().setMinor(paid).setCurrency(currency)
                .build()), replies.paymentMethod(l, method));
    }
}
