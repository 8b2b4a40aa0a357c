package io.ordercare.dialog.returns;

import io.ordercare.dialog.flow.DialogEngine;
import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.returns.v1.ReturnKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * A return (flow return_request) or an exchange (flow exchange_request) of the whole order. returns-service
 * decides by policy: a refusal is explained with its rule in the customer's language; when eligible, the estimated
 * refund and who pays the return shipping are read back, and on yes the return is opened (idempotent on this
 * turn). returns-service then reports every step on returns.events, which this service tells the customer.
 */
@ApplicationScoped
public class ReturnAction implements FlowAction {

    @Inject
    Replies replies;

    @Inject
    ReturnsClient returns;

    @Override
    public String name() {
        return "return";
    }

    private static ReturnKind kind(Flow flow) {
        return "exchange_request".equals(flow.id()) ? ReturnKind.EXCHANGE : ReturnKind.RETURN;
    }

    @Override
    public Uni<Boolean> prepare(TurnContext ctx, Flow flow, Order order) {
        String reason = ctx.state.slots.containsKey("reason") ? ctx.state.slots.get("reason")
                : reason(ctx.state.slots.getOrDefault(DialogEngine.REQUEST, ctx.text));
        ctx.state.slots.put("reason", reason);
        return returns.eligibility(order.getId(), kind(flow), reason).map(e -> {
            Locale l = ctx.locale();
            if (!e.getEligible()) {
                ctx.replies.add(replies.text(l, "return.not-eligible", Replies.orderNumber(order),
                        l == Replies.ZH ? e.getExplanationZh() : e.getExplanationEn()));
                return false;
            }
            ctx.state.slots.put("refund", Replies.money(Money.newBuilder().setMinor(e.getEstimatedRefund().getMinor())
                    .setCurrency(e.getEstimatedRefund().getCurrency()).build()));
            ctx.state.slots.put("shippingPaidBy", e.getReturnShippingPaidBy());
            return true;
        });
    }

    @Override
    public Object[] confirmArgs(TurnContext ctx, Order order, Replies r) {
        Locale l = ctx.locale();
        var s = ctx.state.slots;
        return new Object[] { Replies.orderNumber(order), r.items(l, order), s.getOrDefault("refund", ""),
                r.textOr(l, "return.shipping." + s.get("shippingPaidBy"), "return.shipping.OTHER"),
                r.textOr(l, "return.reason." + s.get("reason"), "return.reason.NO_REASON") };
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        return returns.request(order.getId(), kind(flow), ctx.state.slots.get("reason"), ctx.turnKey,
                "opened in " + ctx.conversation.channel + " conversation " + ctx.conversation.id)
                .invoke(ret -> ctx.replies.add(replies.text(ctx.locale(),
                        kind(flow) == ReturnKind.EXCHANGE ? "exchange.done" : "return.done", ret.getId(),
                        Replies.orderNumber(order), replies.textOr(ctx.locale(), "return-status." + ret.getStatus(),
                                "return-status.OTHER"))))
                .replaceWithVoid();
    }

    /** returns-service's reason code from the customer's words; no reason given is a reason too (7 days). */
    static String reason(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches(".*(太小|太大|偏小|偏大|尺码|不合身|size|too small|too big|fit).*")) {
            return "SIZE_FIT";
        }
        if (t.matches(".*(坏|破|质量|故障|不能用|defect|broken|faulty|doesn't work|does not work|stopped working).*")) {
            return "DEFECTIVE";
        }
        if (t.matches(".*(发错|错发|不是我买的|wrong item|wrong one|not what i ordered).*")) {
            return "WRONG_ITEM";
        }
        if (t.matches(".*(压坏|摔坏|运输|damaged in|crushed|arrived damaged).*")) {
            return "DAMAGED_IN_TRANSIT";
        }
        if (t.matches(".*(不符|描述不|色差|not as described|different from the picture).*")) {
            return "NOT_AS_DESCRIBED";
        }
        if (t.matches(".*(不想要|不喜欢|changed my mind|don't want|do not want|don't like).*")) {
            return "CHANGED_MIND";
        }
        return "NO_REASON";
    }
}
