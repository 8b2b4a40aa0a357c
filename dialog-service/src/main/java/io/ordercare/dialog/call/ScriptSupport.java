package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallsConfig;
import io.ordercare.dialog.campaign.ContactBook;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.nlu.Intents;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.proto.order.v1.Order;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every call script does alike: understands a reply as yes, no, cancel, "a person please", "don't call me
 * again", silence or not understood (speech, the NLU's intent, keypad 1 = yes, 2 = no, 0 = a person); asks a
 * question and remembers it so it can be asked again; ends the call with an outcome; transfers it to a person;
 * cancels the order after a read-back; retries a change once when the order moved on meanwhile.
 */
public abstract class ScriptSupport implements CallScript {

    /** A reply as the scripts understand it. */
    public enum Reply {
        YES, NO, CANCEL, HUMAN, DO_NOT_CALL, SILENCE, UNCLEAR, OTHER
    }

    static final String CANCEL_CHECK = "cancel_check";
    private static final Pattern DO_NOT_CALL = Pattern.compile(
            "不要再打|别再打|别打了|不要打电话|不要给我打|别给我打|don'?t call|do not call|stop calling|remove my number|never call",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CANCEL = Pattern.compile("取消订单|取消吧|帮我取消|不要了|不想要了|cancel (the |my )?order|cancel it",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO = Pattern.compile(
            "不对|不是|不用|不要|不行|不同意|错了|不正确|^不|\\bno\\b|\\bnope\\b|\\bwrong\\b|not right|incorrect|\\bdon'?t\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YES = Pattern.compile(
            "^(是|对|嗯|好|可以|没错|没问题|正确|确认|行|同意|我是|本人)|\\b(yes|yeah|yep|yup|right|correct|sure|ok|okay|speaking|agree|fine|confirm)\\b",
            Pattern.CASE_INSENSITIVE);

    @Inject
    protected Replies replies;

    @Inject
    protected OrderClient orders;

    @Inject
    protected CallsConfig config;

    @Inject
    protected ContactBook contacts;

    protected Reply classify(CallTurn t) {
        if (t.silent()) {
            return Reply.SILENCE;
        }
        if (!t.digits.isEmpty() && t.speech.isEmpty()) {
            return switch (t.digits) {
                case "1" -> Reply.YES;
                case "2" -> Reply.NO;
                case "0" -> Reply.HUMAN;
                default -> Reply.OTHER;
            };
        }
        if (t.speechConfidence < config.minSpeechConfidence()) {
            return Reply.UNCLEAR;
        }
        if (DO_NOT_CALL.matcher(t.speech).find()) {
            return Reply.DO_NOT_CALL;
        }
        if (t.intent(Intents.HUMAN_AGENT, Intents.COMPLAINT)) {
            return Reply.HUMAN;
        }
        if (t.intent(Intents.CANCEL_ORDER) || CANCEL.matcher(t.speech).find()) {
            return Reply.CANCEL;
        }
        if (t.intent(Intents.DENY) || NO.matcher(t.speech).find()) {
            return Reply.NO;
        }
        if (t.intent(Intents.CONFIRM, Intents.THANKS) || YES.matcher(t.speech).find()) {
            return Reply.YES;
        }
        return t.intent(Intents.UNKNOWN) ? Reply.UNCLEAR : Reply.OTHER;
    }

    /**
     * The replies every step answers the same way: a person, do-not-call, silence, not understood, and a request to
     * cancel (read back first). Null when the step's own logic should answer.
     */
    protected Uni<Void> common(CallTurn t, Reply r) {
        return switch (r) {
            case HUMAN -> {
                transfer(t, "customer asked for a person during the " + name() + " call", Outcome.HANDED_OFF);
                yield done();
            }
            case DO_NOT_CALL -> contacts.setDoNotCall(t.task.phone(), true, "asked during a call", t.now).invoke(p -> {
                end(t, Outcome.DO_NOT_CALL, "call.do-not-call");
            }).replaceWithVoid();
            case SILENCE -> {
                again(t, "call.silence", false);
                yield done();
            }
            case UNCLEAR -> {
                again(t, "call.not-understood", true);
                yield done();
            }
            case CANCEL -> {
                if (!cancellable(t.order)) {
                    yield null;
                }
                t.state.slots.put("resume", t.step());
                t.state.slots.put("resume.q", t.state.slots.getOrDefault("q", ""));
                ask(t, CANCEL_CHECK, "call.cancel.check", Replies.money(t.order.getTotal()),
                        t.order.getPaymentsCount() == 0 ? "" : replies.paymentMethod(t.locale(), t.order.getPayments(0).getMethod()));
                yield done();
            }
            default -> null;
        };
    }

    /** The answer to "cancel it?": cancelled, or back to the question before. */
    protected Uni<Void> cancelCheck(CallTurn t, Reply r) {
        if (r == Reply.YES || r == Reply.CANCEL) {
            return change(t, o -> orders.cancel(o, "customer asked during the " + name() + " call " + t.task.id()))
                    .invoke(o -> end(t, Outcome.CANCELLED, "call.cancel.done", Replies.money(o.getTotal())))
                    .replaceWithVoid();
        }
        if (r == Reply.NO) {
            String step = t.state.slots.remove("resume");
            String q = t.state.slots.remove("resume.q");
            say(t, "call.cancel.kept");
            t.say.add(q);
            t.ask = step;
            t.state.slot = step;
            t.state.slots.put("q", q);
            return done();
        }
        Uni<Void> c = common(t, r);
        if (c != null) {
            return c;
        }
        again(t, "call.yes-or-no", true);
        return done();
    }

    protected static boolean cancellable(Order o) {
        return switch (o.getStatus()) {
            case PLACED, AWAITING_CONFIRMATION, CONFIRMED, ON_HOLD -> true;
            default -> false;
        };
    }

    protected void say(CallTurn t, String key, Object... args) {
        t.say.add(replies.text(t.locale(), key, args));
    }

    /** Asks the question of {@code step} and remembers it, for asking again. */
    protected void ask(CallTurn t, String step, String key, Object... args) {
        String q = replies.text(t.locale(), key, args);
        t.say.add(q);
        if (!step.equals(t.state.slot)) {
            t.state.reasks = 0;
        }
        t.ask = step;
        t.state.slot = step;
        t.state.slots.put("q", q);
    }

    /**
     * The same question again, after {@code why}; after {@link CallsConfig#reasks()} times the call ends (silence:
     * tried again later) or goes to a person (not understood).
     */
    protected void again(CallTurn t, String why, boolean toPerson) {
        if (++t.state.reasks > config.reasks()) {
            if (toPerson) {
                transfer(t, "not understood on the " + name() + " call", Outcome.HANDED_OFF);
            } else {
                end(t, null, "call.call-back-later");
            }
            return;
        }
        say(t, why);
        t.say.add(t.state.slots.getOrDefault("q", ""));
        t.ask = t.step();
    }

    /** Says goodbye; the outcome is the contact's (null: none yet, it is tried again). */
    protected void end(CallTurn t, Outcome outcome, String key, Object... args) {
        say(t, key, args);
        t.ask = null;
        t.state.slot = null;
        t.outcome = outcome;
    }

    protected void transfer(CallTurn t, String reason, Outcome outcome) {
        say(t, "call.transfer");
        t.ask = null;
        t.state.slot = null;
        t.transferReason = reason;
        t.outcome = outcome;
    }

    /**
     * A change of the order with the version just read; when the order moved on meanwhile it is read again and the
     * change tried once more. The turn's order is the changed one afterwards.
     */
    protected Uni<Order> change(CallTurn t, Function<Order, Uni<Order>> change) {
        return change.apply(t.order)
                .onFailure(f -> CallFailure.is(f, CallFailure.Kind.CONFLICT))
                .recoverWithUni(f -> orders.get(t.order.getId()).chain(o -> change.apply(o)))
                .invoke(o -> t.order = o);
    }

    /** The last four digits customers recognise an order by on the phone. */
    protected static String shortNumber(Order o) {
        String n = Replies.orderNumber(o);
        return n.length() <= 4 ? n : n.substring(n.length() - 4);
    }

    protected static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }
}
