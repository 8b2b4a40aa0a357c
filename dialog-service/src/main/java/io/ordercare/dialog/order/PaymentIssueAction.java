package io.ordercare.dialog.order;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.dialog.returns.ReturnsClient;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.Payment;
import io.ordercare.proto.order.v1.PaymentTransaction;
import io.ordercare.proto.returns.v1.Refund;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A payment problem explained from the order's payment record:
 * <ul>
 * <li>charged twice (more succeeded charges than the payment's amount) → returns-service refunds the duplicate
 * once; when it cannot, a person takes it with the evidence;</li>
 * <li>a failed charge → why (insufficient balance, card limit, a fault on the payment side, declined), and whether a
 * later attempt went through;</li>
 * <li>nothing wrong in the record → what it shows, and how to reach a person.</li>
 * </ul>
 */
@ApplicationScoped
public class PaymentIssueAction implements FlowAction {

    private static final Logger LOG = Logger.getLogger(PaymentIssueAction.class);

    @Inject
    Replies replies;

    @Inject
    ReturnsClient returns;

    @Override
    public String name() {
        return "payment_issue";
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        Locale l = ctx.locale();
        String number = Replies.orderNumber(order);
        for (Payment p : order.getPaymentsList()) {
            List<PaymentTransaction> charges = p.getTransactionsList().stream()
                    .filter(t -> "CHARGE".equals(t.getKind()) && "SUCCEEDED".equals(t.getStatus())).toList();
            long charged = charges.stream().mapToLong(t -> t.getAmount().getMinor()).sum();
            if (charges.size() >= 2 && charged > p.getAmount().getMinor()) {
                String evidence = charges.stream().map(t -> Replies.money(t.getAmount()) + " " + replies.date(l, t.getAt()))
                        .collect(Collectors.joining(l == Replies.ZH ? "、" : ", "));
                return doubleCharge(ctx, order, p, evidence);
            }
        }
        for (Payment p : order.getPaymentsList()) {
            List<PaymentTransaction> txs = p.getTransactionsList();
            for (int i = txs.size() - 1; i >= 0; i--) {
                PaymentTransaction t = txs.get(i);
                if ("CHARGE".equals(t.getKind()) && "FAILED".equals(t.getStatus())) {
                    boolean laterPaid = txs.subList(i + 1, txs.size()).stream()
                            .anyMatch(x -> "CHARGE".equals(x.getKind()) && "SUCCEEDED".equals(x.getStatus()));
                    ctx.replies.add(replies.text(l, laterPaid ? "payment.failed-then-paid" : "payment.failed", number,
                            Replies.money(t.getAmount()), replies.paymentMethod(l, p.getMethod()),
                            replies.text(l, "payment.reason." + reason(t.getFailureReason()))));
                    return done();
                }
            }
        }
        Payment p = order.getPaymentsCount() == 0 ? null : order.getPayments(0);
        if (p == null || "COD".equals(p.getMethod()) || "PENDING".equals(p.getStatus())) {
            ctx.replies.add(replies.text(l, "payment.nothing-charged", number));
        } else {
            ctx.replies.add(replies.text(l, "payment.ok", number, Replies.money(p.getAmount()),
                    replies.paymentMethod(l, p.getMethod()), replies.status(l, order.getStatus().name())));
        }
        return done();
    }

    private Uni<Void> doubleCharge(TurnContext ctx, Order order, Payment p, String evidence) {
        Locale l = ctx.locale();
        return returns.resolveDoubleCharge(order.getId()).map(refunds -> {
            List<Refund> duplicate = refunds.stream().filter(r -> "DUPLICATE_CHARGE".equals(r.getKind())).toList();
            if (duplicate.isEmpty()) {
                handOver(ctx, order, evidence);
                return null;
            }
            Refund r = duplicate.get(0);
            ctx.replies.add(replies.text(l, "payment.double-charge", Replies.orderNumber(order), evidence,
                    Replies.money(io.ordercare.proto.order.v1.Money.newBuilder().setMinor(r.getAmount().getMinor())
                            .setCurrency(r.getAmount().getCurrency()).build()),
                    replies.paymentMethod(l, p.getMethod()), replies.textOr(l, "refund-status." + r.getStatus(),
                            "refund-status.OTHER")));
            return null;
        }).onFailure(CallFailure.class).recoverWithItem(t -> {
            LOG.warnf("double charge of an order not refunded by returns-service (a person takes it): %s", t.getMessage());
            handOver(ctx, order, evidence);
            return null;
        }).replaceWithVoid();
    }

    /** A person takes the double charge, with the charges as evidence in the summary. */
    private void handOver(TurnContext ctx, Order order, String evidence) {
        ctx.replies.add(replies.text(ctx.locale(), "payment.double-charge-handoff", Replies.orderNumber(order), evidence));
        ctx.handoff = new TurnContext.HandoffNeed("double_charge: " + evidence, "HIGH", order.getId(), "payments");
    }

    /** The payment provider's code in the words we explain: balance, card limit, a fault on their side, declined. */
    static String reason(String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (c.contains("insufficient") || c.contains("balance") || c.contains("funds")) {
            return "insufficient_funds";
        }
        if (c.contains("limit")) {
            return "card_limit";
        }
        if (c.contains("processing") || c.contains("system") || c.contains("timeout") || c.contains("error")) {
            return "system_fault";
        }
        if (c.contains("expired")) {
            return "expired_card";
        }
        if (c.contains("declined") || c.contains("decline") || c.contains("issuer")) {
            return "declined";
        }
        return "other";
    }

    private static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }
}
