package io.ordercare.dialog.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.dialog.conversation.ConversationNotices;
import io.ordercare.platform.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * routing-service's handoff lifecycle on {@code routing.events}: when the agent resolves the conversation or hands
 * it back ({@code routing.assignment-resolved}, {@code routing.handed-back}), the bot owns it again and may speak.
 */
@ApplicationScoped
public class RoutingEventsConsumer {

    static final Set<String> BACK_TO_BOT = Set.of("routing.handed-back", "routing.assignment-resolved");
    private static final Logger LOG = Logger.getLogger(RoutingEventsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ConversationNotices notices;

    @Incoming("routing-events")
    public Uni<Void> consume(String value) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (Exception e) {
            LOG.warnf("routing.events record is not JSON, skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (!CloudEvent.isEnvelope(node) || !BACK_TO_BOT.contains(node.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        String conversationId = node.path("data").path("conversationId").asText("");
        if (conversationId.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return notices.handBack(node.path("id").asText(), conversationId, node.path("type").asText());
    }
}
