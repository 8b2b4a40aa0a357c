package io.ordercare.dialog.flow;

import io.ordercare.dialog.conversation.DialogState;
import io.ordercare.dialog.conversation.DialogState.Awaiting;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.proto.order.v1.Order;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Answers one customer message: goes on with what the bot was waiting for (verification, which order, a slot, a
 * yes or no), or starts the flow of the new intent; hands over to a human on a complaint, anger, a request for
 * one, or when it did not understand twice in a row. The flows ({@link FlowCatalog}) say what each intent needs;
 * this class walks them: verified customer → order in focus → status allows it → slots → read back → action.
 */
@ApplicationScoped
public class DialogEngine {

    private static final Logger LOG = Logger.getLogger(DialogEngine.class);
    /** Slot holding the message that started the flow. */
    public static final String REQUEST = "request";
    /** Intents that are answers rather than requests: they never abandon a question the bot asked. */
    private static final Set<String> ANSWERS = Set.of("confirm", "deny", "unknown", "greeting", "thanks");
    private static final Pattern FOUR_DIGITS = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern ORDINAL = Pattern.compile("(?<![\\d.])([1-9])(?![\\d.])|第\\s*([一二三四五1-5])|\\b(first|second|third|fourth|fifth)\\b",
            Pattern.CASE_INSENSITIVE);

    @Inject
    FlowCatalog flows;

    @Inject
    Replies replies;

    @Inject
    DialogConfig config;

    @Inject
    @Any
    Instance<FlowAction> actionBeans;

    private final Map<String, FlowAction> actions = new HashMap<>();

    @PostConstruct
    void init() {
        for (FlowAction a : actionBeans) {
            actions.put(a.name(), a);
        }
        for (Flow f : flows.all()) {
            if (!actions.containsKey(f.action())) {
                throw new IllegalStateException("flow " + f.id() + " names the unknown action " + f.action());
            }
        }
    }

    public Uni<Void> respond(TurnContext ctx) {
        DialogState s = ctx.state;
        String intent = ctx.nlu.intent();
        if (ctx.isIntent("complaint", "human_agent")) {
            return handoff(ctx, intent, ctx.isIntent("complaint") ? "HIGH" : "NORMAL");
        }
        if (ctx.nlu.sentiment() <= config.negativeSentiment()) {
            return handoff(ctx, "negative_sentiment", "HIGH");
        }
        boolean understood = !"unknown".equals(intent) && ctx.nlu.confidence() >= config.lowConfidence();
        if (s.awaiting != null) {
            Optional<Flow> flow = flows.byId(s.flow);
            boolean newRequest = understood && !ANSWERS.contains(intent) && !intent.equals(s.intent);
            if (flow.isPresent() && !newRequest) {
                return answer(ctx, flow.get());
            }
            s.endFlow();
        }
        if (!understood) {
            s.notUnderstood++;
            if (s.notUnderstood >= 2) {
                return handoff(ctx, "low_confidence", "NORMAL");
            }
            say(ctx, "common.not-understood");
            return done();
        }
        s.notUnderstood = 0;
        Optional<Flow> flow = flows.forIntent(intent);
        if (flow.isEmpty()) {
            say(ctx, switch (intent) {
                case "greeting" -> "common.greeting";
                case "thanks" -> "common.thanks";
                default -> "common.nothing-pending";
            });
            return done();
        }
        Flow f = flow.get();
        s.endFlow();
        s.flow = f.id();
        s.intent = intent;
        ctx.entity("order_number").ifPresent(e -> s.slots.put("order_number", e.value()));
        // the customer's own words that started the flow (a return's reason, a summary for an agent)
        s.slots.put(REQUEST, ctx.text.length() > 500 ? ctx.text.substring(0, 500) : ctx.text);
        return proceed(ctx, f, true);
    }

    /** The customer answered the question the bot asked. */
    private Uni<Void> answer(TurnContext ctx, Flow flow) {
        DialogState s = ctx.state;
        return switch (s.awaiting) {
            case VERIFICATION -> verify(ctx, flow);
            case ORDER_CHOICE -> chooseOrder(ctx, flow);
            case SLOT -> proceed(ctx, flow, true);
            case CONFIRMATION -> {
                // "yes, cancel it" is a yes too: the request repeated as the answer
                if (ctx.isIntent("confirm") || ctx.isIntent(s.intent == null ? "confirm" : s.intent)) {
                    yield withOrder(ctx, flow).chain(o -> o.isEmpty() ? done() : act(ctx, flow, o.get()));
                }
                if (ctx.isIntent("deny")) {
                    say(ctx, "common.no-change");
                    s.endFlow();
                    yield done();
                }
                yield reask(ctx, flow, "common.yes-or-no");
            }
        };
    }

    /** Walks the flow from where it stands: verification, order, status, slots, read-back, action. */
    private Uni<Void> proceed(TurnContext ctx, Flow flow, boolean fillFromMessage) {
        DialogState s = ctx.state;
        if (flow.verify() && !ctx.conversation.verified) {
            return ctx.orders().chain(orders -> {
                if (orders.isEmpty()) {
                    say(ctx, "order.none");
                    s.endFlow();
                    return done();
                }
                s.awaiting = Awaiting.VERIFICATION;
                say(ctx, "verify.ask");
                return done();
            });
        }
        if (!flow.needsOrder()) {
            return act(ctx, flow, null);
        }
        return resolveOrder(ctx, flow).chain(found -> {
            if (found.isEmpty()) {
                return done();
            }
            Order order = found.get();
            s.focusOrderId = order.getId();
            if (!flow.allows(order.getStatus().name())) {
                Optional<Flow> fallback = flows.byId(flow.fallbackFlow()).filter(f -> f.allows(order.getStatus().name()));
                if (fallback.isPresent()) {
                    s.flow = fallback.get().id();
                    s.intent = fallback.get().intents().get(0);
                    return proceed(ctx, fallback.get(), fillFromMessage);
                }
                say(ctx, flow.refused(), Replies.orderNumber(order), replies.status(ctx.locale(), order.getStatus().name()));
                s.endFlow();
                return done();
            }
            FlowAction action = actions.get(flow.action());
            for (Flow.Slot slot : flow.slotList()) {
                if (s.slots.containsKey(slot.name())) {
                    continue;
                }
                if (fillFromMessage && action.fill(ctx, slot, order)) {
                    continue;
                }
                if (s.awaiting == Awaiting.SLOT && slot.name().equals(s.slot)) {
                    return reask(ctx, flow, slot.ask(), action.askArgs(ctx, slot, order, replies));
                }
                s.awaiting = Awaiting.SLOT;
                s.slot = slot.name();
                s.reasks = 0;
                say(ctx, slot.ask(), action.askArgs(ctx, slot, order, replies));
                return done();
            }
            return action.prepare(ctx, flow, order).chain(go -> {
                if (!go) {
                    s.endFlow();
                    return done();
                }
                if (flow.confirm() != null && !flow.confirm().isBlank()) {
                    s.awaiting = Awaiting.CONFIRMATION;
                    s.slot = null;
                    s.orderVersion = order.getVersion();
                    say(ctx, flow.confirm(), action.confirmArgs(ctx, order, replies));
                    return done();
                }
                return act(ctx, flow, order);
            }).onFailure(CallFailure.class).recoverWithUni(t -> failed(ctx, flow, order, (CallFailure) t));
        });
    }

    /** Asks again; the third time the customer is handed to a person instead of being asked once more. */
    private Uni<Void> reask(TurnContext ctx, Flow flow, String key, Object... args) {
        if (++ctx.state.reasks >= 3) {
            return handoff(ctx, "stuck_in_" + flow.id(), "NORMAL");
        }
        say(ctx, key, args);
        return done();
    }

    private Uni<Void> act(TurnContext ctx, Flow flow, Order order) {
        DialogState s = ctx.state;
        if (order != null && s.awaiting == Awaiting.CONFIRMATION && s.orderVersion != order.getVersion()) {
            // The order changed between the read-back and the yes: the customer agreed to something else.
            return conflict(ctx, flow, order);
        }
        if (order != null && s.orderVersion != 0) {
            order = order.toBuilder().setVersion(s.orderVersion).build();
        }
        Order target = order;
        return actions.get(flow.action()).run(ctx, flow, target)
                .invoke(() -> {
                    if (ctx.handoff == null) {
                        s.endFlow();
                    }
                })
                .onFailure(CallFailure.class).recoverWithUni(t -> {
                    CallFailure f = (CallFailure) t;
                    LOG.debugf("flow %s: %s", flow.id(), f.getMessage());
                    if (f.kind() == CallFailure.Kind.CONFLICT && target != null) {
                        ctx.refreshOrders();
                        return withOrder(ctx, flow).chain(o -> o.isEmpty() ? done() : conflict(ctx, flow, o.get()));
                    }
                    return failed(ctx, flow, target, f);
                });
    }

    /** The flow's reply for the failure, or a person when another service is down and the flow has none. */
    private Uni<Void> failed(TurnContext ctx, Flow flow, Order order, CallFailure f) {
        String key = flow.failure(f.kind().name());
        if (key == null && f.kind() == CallFailure.Kind.UNAVAILABLE) {
            return handoff(ctx, flow.id() + "_service_unavailable", "NORMAL");
        }
        say(ctx, key != null ? key : "common.failed", order == null ? "" : Replies.orderNumber(order),
                order == null ? "" : replies.status(ctx.locale(), order.getStatus().name()));
        ctx.state.endFlow();
        return done();
    }

    /** The order moved on since the customer saw it: tell them, and ask again against what it is now. */
    private Uni<Void> conflict(TurnContext ctx, Flow flow, Order now) {
        DialogState s = ctx.state;
        if (!flow.allows(now.getStatus().name())) {
            say(ctx, flow.refused(), Replies.orderNumber(now), replies.status(ctx.locale(), now.getStatus().name()));
            s.endFlow();
            return done();
        }
        say(ctx, "common.changed-meanwhile", Replies.orderNumber(now), replies.status(ctx.locale(), now.getStatus().name()));
        s.awaiting = Awaiting.CONFIRMATION;
        s.orderVersion = now.getVersion();
        say(ctx, flow.confirm(), actions.get(flow.action()).confirmArgs(ctx, now, replies));
        return done();
    }

    private Uni<Void> verify(TurnContext ctx, Flow flow) {
        DialogState s = ctx.state;
        String digits = ctx.entity("phone_last4").map(e -> e.value())
                .or(() -> ctx.entity("phone").map(e -> e.value().substring(Math.max(0, e.value().length() - 4))))
                .orElseGet(() -> {
                    Matcher m = FOUR_DIGITS.matcher(ctx.text);
                    return m.find() ? m.group(1) : null;
                });
        if (digits == null) {
            return reask(ctx, flow, "verify.ask");
        }
        return ctx.orders().chain(orders -> {
            boolean match = orders.stream().anyMatch(o -> endsWith(o.getShippingAddress().getRecipientPhone(), digits)
                    || endsWith(o.getCustomer().getPhone(), digits));
            if (match) {
                ctx.conversation.verified = true;
                s.awaiting = null;
                s.verificationFailures = 0;
                say(ctx, "verify.ok");
                return proceed(ctx, flow, false);
            }
            s.verificationFailures++;
            if (s.verificationFailures >= config.verificationAttempts()) {
                say(ctx, "verify.refused");
                s.endFlow();
                return done();
            }
            say(ctx, "verify.wrong", config.verificationAttempts() - s.verificationFailures);
            return done();
        });
    }

    private static boolean endsWith(String phone, String digits) {
        return phone != null && phone.length() >= 4 && phone.endsWith(digits);
    }

    private Uni<Void> chooseOrder(TurnContext ctx, Flow flow) {
        DialogState s = ctx.state;
        return ctx.orders().chain(orders -> {
            String chosen = null;
            Optional<String> number = ctx.entity("order_number").map(e -> e.value());
            if (number.isPresent()) {
                chosen = match(orders, number.get()).map(Order::getId).orElse(null);
            } else {
                int index = ordinal(ctx.text);
                if (index >= 1 && index <= s.choices.size()) {
                    chosen = s.choices.get(index - 1);
                }
            }
            if (chosen == null) {
                return reask(ctx, flow, "order.which-again");
            }
            s.focusOrderId = chosen;
            s.awaiting = null;
            s.choices.clear();
            return proceed(ctx, flow, false);
        });
    }

    /** 1..5 from "2", "第二个", "the second one"; 0 when none. */
    public static int ordinal(String text) {
        Matcher m = ORDINAL.matcher(text);
        if (!m.find()) {
            return 0;
        }
        if (m.group(1) != null) {
            return Integer.parseInt(m.group(1));
        }
        if (m.group(2) != null) {
            return "一二三四五".indexOf(m.group(2)) >= 0 ? "一二三四五".indexOf(m.group(2)) + 1 : Integer.parseInt(m.group(2));
        }
        return List.of("first", "second", "third", "fourth", "fifth").indexOf(m.group(3).toLowerCase(Locale.ROOT)) + 1;
    }

    /** The order in focus, read again (its current version and status). */
    private Uni<Optional<Order>> withOrder(TurnContext ctx, Flow flow) {
        return ctx.orders().map(orders -> orders.stream().filter(o -> o.getId().equals(ctx.state.focusOrderId)).findFirst())
                .invoke(o -> {
                    if (o.isEmpty()) {
                        say(ctx, "order.lost");
                        ctx.state.endFlow();
                    }
                });
    }

    /**
     * The order the flow is about: the one named in the conversation, else the one in focus, else the only one,
     * else the only one the flow can act on; several → the customer is asked which.
     */
    private Uni<Optional<Order>> resolveOrder(TurnContext ctx, Flow flow) {
        DialogState s = ctx.state;
        return ctx.orders().map(orders -> {
            String number = s.slots.get("order_number");
            if (number != null) {
                Optional<Order> named = match(orders, number);
                if (named.isEmpty()) {
                    say(ctx, "order.not-found", number);
                    s.endFlow();
                }
                return named;
            }
            if (orders.isEmpty()) {
                say(ctx, "order.none");
                s.endFlow();
                return Optional.<Order>empty();
            }
            Optional<Order> focus = orders.stream().filter(o -> o.getId().equals(s.focusOrderId)).findFirst();
            if (focus.isPresent()) {
                return focus;
            }
            if (orders.size() == 1) {
                return Optional.of(orders.get(0));
            }
            List<Order> fitting = orders.stream().filter(o -> flow.allows(o.getStatus().name())).toList();
            if (fitting.size() == 1) {
                return Optional.of(fitting.get(0));
            }
            List<Order> offered = (fitting.isEmpty() ? orders : fitting).stream().limit(5).toList();
            s.awaiting = Awaiting.ORDER_CHOICE;
            s.choices.clear();
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < offered.size(); i++) {
                Order o = offered.get(i);
                s.choices.add(o.getId());
                list.append('\n').append(replies.text(ctx.locale(), "order.choice", i + 1, Replies.orderNumber(o),
                        Replies.shortName(o.getItems(0).getName()), replies.status(ctx.locale(), o.getStatus().name())));
            }
            say(ctx, "order.which", list.toString());
            return Optional.<Order>empty();
        });
    }

    /** The customer's order with this number: order-gateway's id, or the platform's number as typed (#, prefix). */
    static Optional<Order> match(List<Order> orders, String number) {
        String n = number.strip().replaceFirst("^#", "");
        String digits = n.contains(":") ? n.substring(n.indexOf(':') + 1) : n;
        return orders.stream().filter(o -> o.getId().equalsIgnoreCase(n) || o.getExternalId().equals(digits)
                || o.getExternalId().replaceFirst("^#", "").equals(digits)).findFirst();
    }

    /** Hands the conversation to a person; the bot stays silent until it is handed back. */
    public Uni<Void> handoff(TurnContext ctx, String reason, String urgency) {
        DialogState s = ctx.state;
        String queue = flows.byId(s.flow).map(Flow::handoffQueue).orElse(null);
        ctx.handoff = new TurnContext.HandoffNeed(reason, urgency, s.focusOrderId, queue);
        say(ctx, "handoff.done");
        // the order in focus goes with the handoff (its category picks the specialists): read it, if possible
        return s.focusOrderId == null ? done()
                : ctx.orders().onFailure().recoverWithItem(List.of()).replaceWithVoid();
    }

    private void say(TurnContext ctx, String key, Object... args) {
        ctx.replies.add(replies.text(ctx.locale(), key, args));
    }

    private static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }
}
