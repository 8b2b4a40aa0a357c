package io.ordercare.dialog.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.DeadLetter;
import io.ordercare.platform.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Customer messages from the channel adapters on {@code channel.inbound}: CloudEvents of type
 * {@code channel.message-received} whose {@code data} is the same JSON as POST /api/chat (the event id is the
 * message id when {@code data.messageId} is absent). The replies go out on {@code channel.outbound}. A record that
 * is not JSON, not a CloudEvent or not a valid message goes to {@code channel.inbound.dlq} with the reason; a
 * database or service outage is retried rather than dead-lettered.
 */
@ApplicationScoped
public class ChannelInboundConsumer {

    public static final String MESSAGE_RECEIVED = "channel.message-received";
    private static final Logger LOG = Logger.getLogger(ChannelInboundConsumer.class);

    @Inject
    ConversationService conversations;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("channel-inbound-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("channel-inbound")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundMessage message;
        try {
            message = parse(record.value());
        } catch (CloudEvent.Unreadable e) {
            return deadLetter(record, e.getMessage());
        } catch (InvalidRequestException e) {
            return deadLetter(record, "invalid message: " + e.errors().stream().map(f -> f.field() + " " + f.code())
                    .collect(Collectors.joining(", ")));
        }
        if (message == null) {
            return Uni.createFrom().voidItem();
        }
        return conversations.handle(message)
                .invoke(a -> LOG.debugf("channel.inbound partition %d offset %d answered in %s", record.partition(),
                        record.offset(), a.conversationId()))
                .replaceWithVoid()
                .onFailure(ConversationService.ConversationMismatchException.class)
                .recoverWithUni(e -> deadLetter(record, e.getMessage()))
                .onFailure(e -> !(e instanceof ConversationService.ConversationMismatchException)).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }

    /** The message in the record, or null when the event is of another type. */
    InboundMessage parse(String value) {
        JsonNode node = CloudEvent.read(json, value);
        if (!MESSAGE_RECEIVED.equals(node.path("type").asText(""))) {
            return null;
        }
        ChatRequest request;
        try {
            request = json.treeToValue(node.get("data"), ChatRequest.class);
        } catch (JsonProcessingException e) {
            throw new CloudEvent.Unreadable("data does not have the shape of a chat message: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new CloudEvent.Unreadable("data of " + MESSAGE_RECEIVED + " is empty");
        }
        if (request.messageId() == null && !node.path("id").asText("").isBlank()) {
            request = new ChatRequest(request.conversationId(), request.channel(), request.customer(), request.text(),
                    node.path("id").asText());
        }
        return request.validate(true);
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("channel.inbound partition %d offset %d rejected: %s", record.partition(), record.offset(), reason);
        return deadLetters.sendMessage(DeadLetter.of(record, reason));
    }
}
