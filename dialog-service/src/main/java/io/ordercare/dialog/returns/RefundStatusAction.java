package io.ordercare.dialog.returns;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.returns.v1.Return;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Locale;

/** "Where is my refund": the order's latest return and its refund, as returns-service has them. */
@ApplicationScoped
public class RefundStatusAction implements FlowAction {

    @Inject
    Replies replies;

    @Inject
    ReturnsClient returns;

    @Override
    public String name() {
        return "refund_status";
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        Locale l = ctx.locale();
        String number = Replies.orderNumber(order);
        return returns.ofOrder(order.getId()).chain(list -> {
            if (list.isEmpty()) {
                ctx.replies.add(replies.text(l, "refund.no-return", number));
                return Uni.createFrom().voidItem();
            }
            Return latest = list.stream().max(Comparator.comparing(Return::getCreatedAt)).get();
            String status = replies.textOr(l, "return-status." + latest.getStatus(), "return-status.OTHER");
            if (latest.getRefundId().isBlank()) {
                ctx.replies.add(replies.text(l, "refund.return-status", number, latest.getId(), status));
                return Uni.createFrom().voidItem();
            }
            return returns.refund(latest.getRefundId()).invoke(r -> ctx.replies.add(replies.text(l, "refund.status",
                    number, latest.getId(), status, Replies.money(Money.newBuilder().setMinor(r.getAmount().getMinor())
                            .setCurrency(r.getAmount().getCurrency()).build()),
                    replies.paymentMethod(l, r.getPaymentMethod()),
                    replies.textOr(l, "refund-status." + r.getStatus(), "refund-status.OTHER")))).replaceWithVoid();
        });
    }
}
