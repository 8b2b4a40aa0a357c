package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.dialog.flow.DialogEngine;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.ordercare.proto.order.v1.OrderStatus;
import io.ordercare.proto.order.v1.StockLevel;
import io.ordercare.proto.order.v1.Substitute;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An item of the order is short: tells when it is expected back, and offers to wait (flagged AWAITING_RESTOCK on
 * the order), to take a substitute (order-gateway's ranked in-stock items of the same category, close in price and
 * spec; the item is replaced, never dearer, and the order confirmed) or to cancel.
 */
@ApplicationScoped
public class StockShortageScript extends ScriptSupport {

    public static final String NAME = "stock_shortage";
    private static final Pattern WAIT = Pattern.compile("等|wait|no hurry|keep it", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSTITUTE = Pattern.compile("换|替|别的|其他|类似|substitut|replace|another|similar|other one|alternative",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CANCEL = Pattern.compile("取消|不要了|cancel", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean stillNeeded(Order o, CallTask task) {
        return cancellable(o) && o.getFlagsList().stream().anyMatch(f -> !f.getResolved() && "STOCK_SHORTAGE".equals(f.getKind()));
    }

    @Override
    public Uni<Void> open(CallTurn t) {
        if (!stillNeeded(t.order, t.task)) {
            end(t, Outcome.SKIPPED, "call.stock.not-needed", shortNumber(t.order));
            return done();
        }
        List<String> skus = t.order.getItemsList().stream().map(OrderItem::getSku).distinct().toList();
        return orders.stock(skus).chain(levels -> {
            OrderItem short_ = t.order.getItemsList().stream().filter(i -> levels.stream()
                    .anyMatch(l -> l.getSku().equals(i.getSku()) && l.getKnown() && l.getAvailable() < i.getQuantity()))
                    .findFirst().orElse(t.order.getItems(0));
            String eta = levels.stream().filter(l -> l.getSku().equals(short_.getSku())).map(StockLevel::getRestockEta)
                    .findFirst().orElse("");
            t.state.slots.put("item", String.valueOf(short_.getId()));
            t.state.slots.put("eta", eta);
            return orders.substitutes(t.order, short_.getId(), 3).map(subs -> {
                for (int i = 0; i < subs.size(); i++) {
                    t.state.slots.put("sub." + (i + 1), subs.get(i).getSku());
                    t.state.slots.put("sub." + (i + 1) + ".text", describe(t.locale(), subs.get(i), short_.getUnitPrice()));
                }
                t.state.slots.put("subs", String.valueOf(subs.size()));
                say(t, "call.stock.open", Replies.shortName(short_.getName()), shortNumber(t.order), etaText(t, eta));
                askChoice(t);
                return null;
            });
        }).replaceWithVoid();
    }

    @Override
    public Uni<Void> answer(CallTurn t) {
        Reply r = classify(t);
        String step = t.step() == null ? "" : t.step();
        if (step.equals(CANCEL_CHECK)) {
            return cancelCheck(t, r);
        }
        if (step.equals("stock_choice")) {
            String d = t.digits;
            if ("3".equals(d) || CANCEL.matcher(t.speech).find()) {
                return common(t, Reply.CANCEL);
            }
            if ("1".equals(d) || WAIT.matcher(t.speech).find()) {
                String eta = t.state.slots.getOrDefault("eta", "");
                return orders.flag(t.order.getId(), "AWAITING_RESTOCK", "customer waits for the restock"
                        + (eta.isBlank() ? "" : " expected " + eta) + " (call " + t.task.id() + ")")
                        .invoke(o -> end(t, Outcome.WAITING, "call.stock.waiting", etaText(t, eta))).replaceWithVoid();
            }
            if ("2".equals(d) || SUBSTITUTE.matcher(t.speech).find()) {
                return offerSubstitutes(t);
            }
        } else if (step.equals("substitute_choice")) {
            int n = !t.digits.isEmpty() ? parse(t.digits) : DialogEngine.ordinal(t.speech);
            int offered = Integer.parseInt(t.state.slots.getOrDefault("subs", "0"));
            if (n >= 1 && n <= offered) {
                String sku = t.state.slots.get("sub." + n);
                long itemId = Long.parseLong(t.state.slots.get("item"));
                return change(t, o -> orders.replaceItem(o, itemId, sku, "customer chose a substitute on call " + t.task.id()))
                        .chain(o -> o.getStatus() == OrderStatus.ON_HOLD || o.getStatus() == OrderStatus.PLACED
                                || o.getStatus() == OrderStatus.AWAITING_CONFIRMATION
                                        ? change(t, x -> orders.confirm(x, "customer chose a substitute on call " + t.task.id()))
                                        : Uni.createFrom().item(o))
                        .invoke(o -> end(t, Outcome.SUBSTITUTED, "call.stock.substituted",
                                t.state.slots.get("sub." + n + ".text"), Replies.money(o.getTotal())))
                        .replaceWithVoid();
            }
            if (r == Reply.NO) {
                askChoice(t);
                return done();
            }
        }
        Uni<Void> handled = common(t, r);
        if (handled != null) {
            return handled;
        }
        again(t, "call.not-understood", true);
        return done();
    }

    private Uni<Void> offerSubstitutes(CallTurn t) {
        int offered = Integer.parseInt(t.state.slots.getOrDefault("subs", "0"));
        if (offered == 0) {
            say(t, "call.stock.no-substitute");
            askChoice(t);
            return done();
        }
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= offered; i++) {
            list.append(replies.text(t.locale(), "call.stock.substitute", i, t.state.slots.get("sub." + i + ".text")));
        }
        ask(t, "substitute_choice", "call.stock.substitutes", list.toString().strip());
        return done();
    }

    private void askChoice(CallTurn t) {
        boolean subs = !"0".equals(t.state.slots.getOrDefault("subs", "0"));
        ask(t, "stock_choice", subs ? "call.stock.options" : "call.stock.options-no-substitute");
    }

    private String etaText(CallTurn t, String eta) {
        return eta == null || eta.isBlank() ? replies.text(t.locale(), "call.stock.eta-unknown")
                : replies.text(t.locale(), "call.stock.eta", replies.date(t.locale(), eta));
    }

    /** "name (spec), price": the substitute's price as the customer will pay it (never more than the item's). */
    private String describe(Locale l, Substitute s, Money itemPrice) {
        String spec = java.util.stream.Stream.of(s.getColour(), s.getSize()).filter(x -> !x.isBlank())
                .collect(java.util.stream.Collectors.joining("/"));
        Money price = s.getUnitPrice().getMinor() < itemPrice.getMinor() ? s.getUnitPrice() : itemPrice;
        return replies.text(l, "call.stock.substitute-text", Replies.shortName(s.getName()),
                spec.isEmpty() ? "" : (l == Replies.ZH ? "（" + spec + "）" : " (" + spec + ")"), Replies.money(price));
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
