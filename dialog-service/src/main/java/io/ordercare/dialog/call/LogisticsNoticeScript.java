package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * A parcel is stuck or late (logistics-watcher's alert): says what logistics-watcher found, in its own sentence
 * for the customer's language, and offers to wait, to claim, or to have it delivered again. A claim or a new
 * delivery is passed to a person with the facts (a handoff, no transfer: the customer hears back).
 */
@ApplicationScoped
public class LogisticsNoticeScript extends ScriptSupport {

    public static final String NAME = "logistics_notice";
    private static final Pattern CLAIM = Pattern.compile("赔|索赔|理赔|claim|compensat|refund", Pattern.CASE_INSENSITIVE);
    private static final Pattern REDELIVER = Pattern.compile("重新|再送|再派|派送|redeliver|deliver again|resend|send again",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean stillNeeded(Order o, CallTask task) {
        return o.getStatus() == OrderStatus.SHIPPED || o.getStatus() == OrderStatus.ON_HOLD;
    }

    @Override
    public Uni<Void> open(CallTurn t) {
        if (!stillNeeded(t.order, t.task)) {
            end(t, Outcome.SKIPPED, "call.logistics.not-needed", shortNumber(t.order));
            return done();
        }
        say(t, "call.logistics.open", shortNumber(t.order));
        t.say.add(t.state.slots.getOrDefault("message." + t.conversation.lang, ""));
        ask(t, "notice", "call.logistics.options");
        return done();
    }

    @Override
    public Uni<Void> answer(CallTurn t) {
        Reply r = classify(t);
        if ("notice".equals(t.step())) {
            if ("2".equals(t.digits) || CLAIM.matcher(t.speech).find()) {
                end(t, Outcome.FOLLOW_UP_REQUESTED, "call.logistics.claim");
                t.followUp = "customer asks for a claim on the " + t.state.slots.getOrDefault("type", "logistics") + " parcel";
                return done();
            }
            if ("3".equals(t.digits) || REDELIVER.matcher(t.speech).find()) {
                end(t, Outcome.FOLLOW_UP_REQUESTED, "call.logistics.redeliver");
                t.followUp = "customer asks for a new delivery of the " + t.state.slots.getOrDefault("type", "logistics") + " parcel";
                return done();
            }
            if (r == Reply.YES || "1".equals(t.digits) || r == Reply.NO && t.speech.contains("等")) {
                end(t, Outcome.NOTIFIED, "call.logistics.waiting");
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
}
