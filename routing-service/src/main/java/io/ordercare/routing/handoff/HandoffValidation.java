package io.ordercare.routing.handoff;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.routing.routing.Channel;
import io.ordercare.routing.routing.CustomerValue;
import io.ordercare.routing.routing.SkillExpression;
import io.ordercare.routing.routing.SkillExpressionException;
import io.ordercare.routing.routing.Urgency;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a handoff request and reports every invalid field at once (field paths as in the JSON body).
 * Nothing is stored for an invalid request.
 */
public final class HandoffValidation {

    static final int MAX_ID = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_TURNS = 500;
    private static final Set<String> SPEAKERS = Set.of("customer", "bot", "agent");
    private static final Set<String> LANGUAGES = Set.of("zh", "en");

    private HandoffValidation() {
    }

    public static ValidHandoff validate(HandoffRequest r, Predicate<String> queueExists) {
        if (r == null) {
            throw InvalidRequestException.of("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        String key = id(r.idempotencyKey(), "idempotencyKey", true, errors);
        String conversation = id(r.conversationId(), "conversationId", true, errors);
        Channel channel = null;
        if (blank(r.channel())) {
            errors.add(new FieldError("channel", "required", null));
        } else {
            channel = Channel.parse(r.channel()).orElse(null);
            if (channel == null) {
                errors.add(new FieldError("channel", "invalid_channel", r.channel()));
            }
        }
        String customerId = null;
        String language = null;
        CustomerValue value = CustomerValue.STANDARD;
        if (r.customer() != null) {
            customerId = id(r.customer().id(), "customer.id", false, errors);
            if (!blank(r.customer().language())) {
                language = language(r.customer().language());
                if (language == null) {
                    errors.add(new FieldError("customer.language", "invalid_language", r.customer().language()));
                }
            }
            if (!blank(r.customer().value())) {
                value = enumValue(CustomerValue.class, r.customer().value());
                if (value == null) {
                    errors.add(new FieldError("customer.value", "invalid_value", r.customer().value()));
                }
            }
        }
        String orderId = null;
        String category = null;
        if (r.order() != null) {
            orderId = id(r.order().id(), "order.id", false, errors);
            category = blank(r.order().category()) ? null : r.order().category().strip().toLowerCase(Locale.ROOT);
            if (category != null && category.length() > MAX_ID) {
                errors.add(new FieldError("order.category", "too_long", null));
            }
        }
        String intent = blank(r.intent()) ? null : r.intent().strip().toLowerCase(Locale.ROOT);
        if (intent != null && intent.length() > MAX_ID) {
            errors.add(new FieldError("intent", "too_long", null));
        }
        String summary = blank(r.summary()) ? null : r.summary().strip();
        if (summary != null && summary.length() > MAX_TEXT) {
            errors.add(new FieldError("summary", "too_long", null));
        }
        List<Turn> transcript = new ArrayList<>();
        if (r.transcript() != null) {
            if (r.transcript().size() > MAX_TURNS) {
                errors.add(new FieldError("transcript", "too_long", String.valueOf(r.transcript().size())));
            } else {
                for (int i = 0; i < r.transcript().size(); i++) {
                    transcript.add(turn(r.transcript().get(i), "transcript[" + i + "]", errors));
                }
            }
        }
        if (r.sentiment() != null && (r.sentiment().isNaN() || r.sentiment() < -1 || r.sentiment() > 1)) {
            errors.add(new FieldError("sentiment", "out_of_range", String.valueOf(r.sentiment())));
        }
        Urgency urgency = Urgency.NORMAL;
        if (!blank(r.urgency())) {
            urgency = enumValue(Urgency.class, r.urgency());
            if (urgency == null) {
                errors.add(new FieldError("urgency", "invalid_value", r.urgency()));
            }
        }
        String queue = blank(r.queue()) ? null : r.queue().strip().toLowerCase(Locale.ROOT);
        if (queue != null && !queueExists.test(queue)) {
            errors.add(new FieldError("queue", "unknown_queue", r.queue()));
        }
        String expression = blank(r.skillExpression()) ? null : r.skillExpression().strip();
        if (expression != null) {
            if (expression.length() > MAX_TEXT) {
                errors.add(new FieldError("skillExpression", "too_long", null));
            } else {
                try {
                    SkillExpression.parse(expression);
                } catch (SkillExpressionException e) {
                    errors.add(new FieldError("skillExpression", "invalid_skill_expression", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidHandoff(key, conversation, customerId, language, value, channel, orderId, category, intent, summary,
                transcript, r.sentiment(), urgency, queue, expression);
    }

    /** zh, zh-CN, zh_Hans ... → zh; en-US → en; null for anything else. */
    public static String language(String tag) {
        String l = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = l.indexOf('-');
        l = dash > 0 ? l.substring(0, dash) : l;
        return LANGUAGES.contains(l) ? l : null;
    }

    private static Turn turn(HandoffRequest.TurnRequest t, String path, List<FieldError> errors) {
        if (t == null) {
            errors.add(new FieldError(path, "required", null));
            return null;
        }
        String speaker = blank(t.speaker()) ? null : t.speaker().strip().toLowerCase(Locale.ROOT);
        if (speaker == null) {
            errors.add(new FieldError(path + ".speaker", "required", null));
        } else if (!SPEAKERS.contains(speaker)) {
            errors.add(new FieldError(path + ".speaker", "invalid_speaker", t.speaker()));
        }
        if (blank(t.text())) {
            errors.add(new FieldError(path + ".text", "required", null));
        } else if (t.text().length() > MAX_TEXT) {
            errors.add(new FieldError(path + ".text", "too_long", null));
        }
        Instant at = null;
        if (!blank(t.at())) {
            try {
                at = Instant.parse(t.at().strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(path + ".at", "invalid_date", t.at()));
            }
        }
        return new Turn(speaker, t.text(), at);
    }

    private static String id(String v, String field, boolean required, List<FieldError> errors) {
        if (blank(v)) {
            if (required) {
                errors.add(new FieldError(field, "required", null));
            }
            return null;
        }
        if (v.strip().length() > MAX_ID) {
            errors.add(new FieldError(field, "too_long", null));
        }
        return v.strip();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v) {
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
