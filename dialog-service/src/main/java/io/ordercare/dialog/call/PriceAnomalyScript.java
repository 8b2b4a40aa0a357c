package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.ordercare.proto.order.v1.OrderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Optional;

/**
 * An item was sold at a wrong price (order-gateway's PRICE_ANOMALY flag): explains it, gives the correct price
 * (the item's list price) and asks for consent. Yes: the price is adjusted through order-gateway (audited there,
 * the flag resolved) and the order confirmed. No: a person takes over (and the order is flagged NEEDS_AGENT).
 */
@ApplicationScoped
public class PriceAnomalyScript extends ScriptSupport {

    public static final String NAME = "price_anomaly";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean stillNeeded(Order o, CallTask task) {
        return cancellable(o) && o.getFlagsList().stream().anyMatch(f -> !f.getResolved() && "PRICE_ANOMALY".equals(f.getKind()))
                && wrongPriced(o).isPresent();
    }

    /** The item whose price is furthest from its list price. */
    static Optional<OrderItem> wrongPriced(Order o) {
        return o.getItemsList().stream().filter(i -> i.getListPrice().getMinor() > 0
                && i.getListPrice().getMinor() != i.getUnitPrice().getMinor())
                .max(Comparator.comparingDouble(i -> Math.abs(i.getUnitPrice().getMinor() - i.getListPrice().getMinor())
                        / (double) i.getListPrice().getMinor()));
    }

    @Override
    public Uni<Void> open(CallTurn t) {
        Optional<OrderItem> item = stillNeeded(t.order, t.task) ? wrongPriced(t.order) : Optional.empty();
        if (item.isEmpty()) {
            end(t, Outcome.SKIPPED, "call.price.not-needed", shortNumber(t.order));
            return done();
        }
        OrderItem i = item.get();
        t.state.slots.put("item", String.valueOf(i.getId()));
        t.state.slots.put("price", String.valueOf(i.getListPrice().getMinor()));
        say(t, "call.price.open", shortNumber(t.order), Replies.shortName(i.getName()), Replies.money(i.getUnitPrice()),
                Replies.money(i.getListPrice()));
        ask(t, "price_consent", "call.price.ask", Replies.money(i.getListPrice()), String.valueOf(i.getQuantity()));
        return done();
    }

    @Override
    public Uni<Void> answer(CallTurn t) {
        Reply r = classify(t);
        if (CANCEL_CHECK.equals(t.step())) {
            return cancelCheck(t, r);
        }
        if ("price_consent".equals(t.step())) {
            if (r == Reply.YES) {
                long itemId = Long.parseLong(t.state.slots.get("item"));
                long price = Long.parseLong(t.state.slots.get("price"));
                String why = "customer agreed to the correct price on call " + t.task.id();
                return change(t, o -> orders.adjustPrice(o, itemId, price, why))
                        .chain(o -> o.getStatus() == OrderStatus.ON_HOLD || o.getStatus() == OrderStatus.PLACED
                                || o.getStatus() == OrderStatus.AWAITING_CONFIRMATION
                                        ? change(t, x -> orders.confirm(x, why)) : Uni.createFrom().item(o))
                        .invoke(o -> end(t, Outcome.PRICE_ACCEPTED, "call.price.accepted",
                                Replies.money(Money.newBuilder().setMinor(price).setCurrency(o.getTotal().getCurrency()).build()),
                                Replies.money(o.getTotal())))
                        .replaceWithVoid();
            }
            if (r == Reply.NO) {
                say(t, "call.price.refused");
                transfer(t, "customer refused the corrected price", Outcome.PRICE_REFUSED);
                return done();
            }
        }
        Uni<Void> handled = common(t, r);
        if (handled != null) {
            return handled;
        }
        again(t, "call.yes-or-no", true);
        return done();
    }
}
