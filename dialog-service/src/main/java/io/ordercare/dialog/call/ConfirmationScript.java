package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.nlu.ParsedAddress;
import io.ordercare.dialog.order.ChangeAddressAction;
import io.ordercare.proto.order.v1.Address;
import io.ordercare.proto.order.v1.ItemChange;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.ordercare.proto.order.v1.OrderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The order-confirmation call: greets and checks it is the customer, then reads back each check of the rule that
 * chose the call (address, phone, items with quantity and spec, the cash-on-delivery amount, "did you place it
 * yourself"), one question each, takes corrections (a new address is read back before it is written; a quantity,
 * size or colour is written at once and read back), and confirms the order in order-gateway. Outcome: CONFIRMED,
 * ADDRESS_CHANGED or ITEMS_CHANGED (confirmed after the correction), CANCELLED, WRONG_NUMBER or a transfer.
 */
@ApplicationScoped
public class ConfirmationScript extends ScriptSupport {

    public static final String NAME = "confirmation";
    /** Every check a confirmation call knows, in the order read back when a rule lists none. */
    public static final List<String> CHECKS = List.of("identity", "fraud_check", "address", "phone", "items", "cod_amount");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean stillNeeded(Order o, CallTask task) {
        return o.getStatus() == OrderStatus.PLACED || o.getStatus() == OrderStatus.AWAITING_CONFIRMATION
                || (o.getStatus() == OrderStatus.ON_HOLD && o.getFlagsList().stream()
                        .anyMatch(f -> !f.getResolved() && ("FRAUD_RISK".equals(f.getKind())
                                || "ADDRESS_CHANGED_AFTER_PAYMENT".equals(f.getKind()))));
    }

    @Override
    public Uni<Void> open(CallTurn t) {
        if (!stillNeeded(t.order, t.task)) {
            end(t, Outcome.SKIPPED, "call.confirm.not-needed", shortNumber(t.order));
            return done();
        }
        t.state.slots.put("i", "0");
        return next(t);
    }

    @Override
    public Uni<Void> answer(CallTurn t) {
        Reply r = classify(t);
        String step = t.step() == null ? "" : t.step();
        if (step.equals(CANCEL_CHECK)) {
            return cancelCheck(t, r);
        }
        // a correction said straight away ("no, it's 100 Pine St") is taken before the yes/no
        if (step.equals("address") || step.equals("address_new")) {
            Optional<ParsedAddress> a = ChangeAddressAction.spoken(t.entity("address").map(e -> e.value()), t.speech);
            if (a.isPresent() && r != Reply.YES) {
                ChangeAddressAction.remember(t.state.slots, a.get());
                ask(t, "address_check", "call.confirm.address-check",
                        replies.address(t.locale(), ChangeAddressAction.address(t.state.slots, t.order.getShippingAddress())));
                return done();
            }
        }
        if (step.equals("items") || step.equals("items_change")) {
            Optional<ItemChange> c = itemChange(t);
            if (c.isPresent() && r != Reply.YES) {
                return change(t, o -> orders.changeItems(o, c.get(), "customer corrected it on confirmation call " + t.task.id()))
                        .chain(o -> {
                            t.state.slots.put("changed.items", "1");
                            say(t, "call.confirm.items-done", replies.items(t.locale(), o));
                            return next(t);
                        });
            }
        }
        if (step.equals("phone") || step.equals("phone_new")) {
            Optional<String> phone = t.entity("phone").map(e -> e.value());
            if (phone.isPresent() && r != Reply.YES) {
                Address old = t.order.getShippingAddress();
                Address changed = old.toBuilder().setRecipientPhone(phone.get()).build();
                return change(t, o -> orders.changeAddress(o, changed, "customer corrected the phone on confirmation call " + t.task.id()))
                        .chain(o -> {
                            t.state.slots.put("changed.address", "1");
                            say(t, "call.confirm.phone-done", last4(phone.get()));
                            return next(t);
                        });
            }
        }
        Uni<Void> handled = common(t, r);
        if (handled != null) {
            return handled;
        }
        return switch (step) {
            case "identity" -> r == Reply.YES ? next(t) : r == Reply.NO ? wrongPerson(t) : unclear(t);
            case "fraud_check" -> {
                if (r == Reply.NO) {
                    transfer(t, "customer says they did not place the order", Outcome.HANDED_OFF);
                    yield done();
                }
                yield r == Reply.YES ? next(t) : unclear(t);
            }
            case "address" -> {
                if (r == Reply.NO) {
                    ask(t, "address_new", "call.confirm.address-ask");
                    yield done();
                }
                yield r == Reply.YES ? next(t) : unclear(t);
            }
            case "address_new" -> unclear(t);
            case "address_check" -> {
                if (r == Reply.YES) {
                    Address a = ChangeAddressAction.address(t.state.slots, t.order.getShippingAddress());
                    yield change(t, o -> orders.changeAddress(o, ChangeAddressAction.address(t.state.slots,
                            o.getShippingAddress()), "customer corrected it on confirmation call " + t.task.id()))
                            .chain(o -> {
                                t.state.slots.put("changed.address", "1");
                                say(t, "call.confirm.address-done", replies.address(t.locale(), a));
                                return next(t);
                            });
                }
                if (r == Reply.NO) {
                    ask(t, "address_new", "call.confirm.address-ask");
                    yield done();
                }
                yield unclear(t);
            }
            case "phone" -> {
                if (r == Reply.NO) {
                    ask(t, "phone_new", "call.confirm.phone-ask");
                    yield done();
                }
                yield r == Reply.YES ? next(t) : unclear(t);
            }
            case "phone_new" -> unclear(t);
            case "items" -> {
                if (r == Reply.NO) {
                    ask(t, "items_change", "call.confirm.items-ask");
                    yield done();
                }
                yield r == Reply.YES ? next(t) : unclear(t);
            }
            case "items_change" -> r == Reply.NO || r == Reply.YES ? next(t) : unclear(t);
            case "cod_amount" -> {
                if (r == Reply.NO) {
                    transfer(t, "customer disputes the cash-on-delivery amount", Outcome.HANDED_OFF);
                    yield done();
                }
                yield r == Reply.YES ? next(t) : unclear(t);
            }
            default -> unclear(t);
        };
    }

    /** The next check of the rule, or the confirmation once all were heard. */
    private Uni<Void> next(CallTurn t) {
        List<String> checks = checks(t);
        int i = Integer.parseInt(t.state.slots.getOrDefault("i", "0"));
        if (i >= checks.size()) {
            return confirm(t);
        }
        t.state.slots.put("i", String.valueOf(i + 1));
        Order o = t.order;
        Locale l = t.locale();
        switch (checks.get(i)) {
            case "identity" -> ask(t, "identity", "call.confirm.identity", o.getShippingAddress().getRecipientName(),
                    replies.textOr(l, "platform." + o.getPlatform().toLowerCase(Locale.ROOT), "platform.other"), shortNumber(o));
            case "fraud_check" -> ask(t, "fraud_check", "call.confirm.fraud", Replies.money(o.getTotal()));
            case "address" -> ask(t, "address", "call.confirm.address", replies.address(l, o.getShippingAddress()));
            case "phone" -> ask(t, "phone", "call.confirm.phone", last4(o.getShippingAddress().getRecipientPhone()));
            case "items" -> ask(t, "items", "call.confirm.items", replies.items(l, o));
            case "cod_amount" -> ask(t, "cod_amount", "call.confirm.cod", Replies.money(o.getTotal()));
            default -> {
                return next(t);
            }
        }
        return done();
    }

    private Uni<Void> confirm(CallTurn t) {
        if (t.order.getStatus() == OrderStatus.CONFIRMED) {
            return finished(t);
        }
        return change(t, o -> orders.confirm(o, "customer confirmed on call " + t.task.id())).chain(o -> finished(t));
    }

    private Uni<Void> finished(CallTurn t) {
        Outcome outcome = t.state.slots.containsKey("changed.address") ? Outcome.ADDRESS_CHANGED
                : t.state.slots.containsKey("changed.items") ? Outcome.ITEMS_CHANGED : Outcome.CONFIRMED;
        end(t, outcome, "call.confirm.done", shortNumber(t.order));
        return done();
    }

    private Uni<Void> wrongPerson(CallTurn t) {
        end(t, Outcome.WRONG_NUMBER, "call.confirm.wrong-person");
        return done();
    }

    private Uni<Void> unclear(CallTurn t) {
        again(t, "call.yes-or-no", true);
        return done();
    }

    private static List<String> checks(CallTurn t) {
        String listed = t.state.slots.get("checks");
        return listed == null || listed.isBlank() ? CHECKS : Arrays.asList(listed.split(","));
    }

    /** A quantity, size or colour the customer said, for the item named (or the only one). */
    private static Optional<ItemChange> itemChange(CallTurn t) {
        Optional<String> qty = t.entity("quantity").map(e -> e.value());
        Optional<String> size = t.entity("size").map(e -> e.value());
        Optional<String> colour = t.entity("colour").map(e -> e.value());
        if (qty.isEmpty() && size.isEmpty() && colour.isEmpty()) {
            return Optional.empty();
        }
        OrderItem item = t.order.getItemsList().stream()
                .filter(i -> mentions(t.speech, i.getName())).findFirst().orElse(t.order.getItems(0));
        ItemChange.Builder c = ItemChange.newBuilder().setItemId(item.getId());
        qty.map(ConfirmationScript::quantity).filter(q -> q > 0 && q <= 99).ifPresent(c::setQuantity);
        size.ifPresent(c::setSize);
        colour.ifPresent(c::setColour);
        return c.getQuantity() == 0 && size.isEmpty() && colour.isEmpty() ? Optional.empty() : Optional.of(c.build());
    }

    private static int quantity(String v) {
        try {
            return Integer.parseInt(v.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean mentions(String text, String name) {
        String n = Replies.shortName(name);
        return n.length() >= 2 && text.contains(n.length() > 6 ? n.substring(0, 6) : n);
    }

    static String last4(String phone) {
        return phone == null || phone.length() < 4 ? "" : phone.substring(phone.length() - 4);
    }
}
