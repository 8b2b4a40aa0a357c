package io.ordercare.returns.platform;

import io.ordercare.platform.outbox.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The CloudEvents of {@code returns.events}, keyed and {@code subject}ed by order id, each carrying in
 * {@code data.message} the sentence for the customer in English ({@code en}) and Chinese ({@code zh}) from
 * {@code i18n/returns[_zh].properties} ({@code event.<type>}).
 */
@ApplicationScoped
public class ReturnEvents {

    static final String SOURCE = "/returns-service";

    @Inject
    ObjectMapper json;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    @Inject
    ReturnsConfig config;

    public ObjectNode data() {
        return json.createObjectNode();
    }

    /** An outbox row for an event of {@code type} about an order; the sentence's arguments are {@code args}. */
    public Outbox.Event event(String type, String orderId, ObjectNode data, Object... args) {
        return event(type, orderId, data, l -> args);
    }

    /** As {@link #event(String, String, ObjectNode, Object...)}, with arguments that depend on the language. */
    public Outbox.Event event(String type, String orderId, ObjectNode data, Function<Locale, Object[]> args) {
        ObjectNode message = data.putObject("message");
        message.put("en", messages.text("returns", Locale.ENGLISH, "event." + type, args.apply(Locale.ENGLISH)));
        message.put("zh", messages.text("returns", Messages.ZH, "event." + type, args.apply(Messages.ZH)));
        UUID id = UUID.randomUUID();
        CloudEvent event = CloudEvent.of(id.toString(), SOURCE, type, clock.instant(), orderId, data);
        try {
            return new Outbox.Event(id, config.eventsTopic(), orderId, json.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    /** A sentence of the service's own bundle. */
    public String text(Locale l, String key, Object... args) {
        return messages.text("returns", l, key, args);
    }
}
