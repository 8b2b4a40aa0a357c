package io.ordercare.dialog.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.dialog.conversation.ConversationNotices;
import io.ordercare.platform.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * returns-service's progress on {@code returns.events} (return approved, pickup scheduled, in transit, received,
 * refunded...), told to the customer in the latest conversation that was about the order, in its language, with
 * the sentence returns-service wrote ({@code data.message.en|zh}). Each event is told once.
 */
@ApplicationScoped
public class ReturnsEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReturnsEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ConversationNotices notices;

    @Incoming("returns-events")
    public Uni<Void> consume(String value) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (Exception e) {
            LOG.warnf("returns.events record is not JSON, skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (!CloudEvent.isEnvelope(node) || node.path("subject").asText("").isBlank()) {
            return Uni.createFrom().voidItem();
        }
        JsonNode message = node.path("data").path("message");
        if (!message.isObject()) {
            return Uni.createFrom().voidItem();
        }
        String orderId = node.path("subject").asText();
        return notices.tellAboutOrder(node.path("id").asText(), orderId,
                lang -> message.path("zh".equals(lang) ? "zh" : "en").asText(""),
                node.path("type").asText());
    }

}
