package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After delivery: a score from 1 to 5 (keypad or spoken) and, optionally, a few words. The answers are stored
 * (survey_answer) for insights; saying no ends the call politely.
 */
@ApplicationScoped
public class SurveyScript extends ScriptSupport {

    public static final String NAME = "survey";
    private static final Pattern SCORE = Pattern.compile("([1-5])|([一二三四五])|\\b(one|two|three|four|five)\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean stillNeeded(Order o, CallTask task) {
        return o.getStatus() == OrderStatus.DELIVERED || o.getStatus() == OrderStatus.COMPLETED;
    }

    @Override
    public Uni<Void> open(CallTurn t) {
        ask(t, "survey_score", "call.survey.ask", shortNumber(t.order));
        return done();
    }

    @Override
    public Uni<Void> answer(CallTurn t) {
        Reply r = classify(t);
        if ("survey_score".equals(t.step())) {
            int score = score(t.digits.isEmpty() ? t.speech : t.digits);
            if (score > 0) {
                t.state.slots.put("score", String.valueOf(score));
                ask(t, "survey_comment", "call.survey.comment");
                return done();
            }
            if (r == Reply.NO) {
                end(t, Outcome.DECLINED, "call.survey.declined");
                return done();
            }
        } else if ("survey_comment".equals(t.step())) {
            if (!t.silent() && t.speechConfidence >= config.minSpeechConfidence() || r == Reply.NO || r == Reply.SILENCE) {
                t.state.slots.put("comment", r == Reply.NO || r == Reply.SILENCE ? "" : t.speech);
                end(t, Outcome.SURVEYED, "call.survey.thanks");
                t.survey = true;
                return done();
            }
        }
        Uni<Void> handled = common(t, r);
        if (handled != null) {
            return handled;
        }
        again(t, "call.not-understood", false);
        return done();
    }

    static int score(String text) {
        Matcher m = SCORE.matcher(text);
        if (!m.find()) {
            return 0;
        }
        if (m.group(1) != null) {
            return Integer.parseInt(m.group(1));
        }
        if (m.group(2) != null) {
            return "一二三四五".indexOf(m.group(2)) + 1;
        }
        return java.util.List.of("one", "two", "three", "four", "five").indexOf(m.group(3).toLowerCase()) + 1;
    }
}
