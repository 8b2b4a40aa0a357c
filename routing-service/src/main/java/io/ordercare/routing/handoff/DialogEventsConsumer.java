package io.ordercare.routing.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Handoffs requested by dialog-service on {@code dialog.events}: CloudEvents of type
 * {@code dialog.handoff-requested} whose {@code data} is a {@link HandoffRequest} (the same JSON as
 * POST /api/handoffs). Without {@code data.idempotencyKey} the key is {@code dialog.events:<event id>},
 * so a redelivered event finds the handoff it created. Other event types on the topic are not ours
 * and are skipped. A record that is not JSON, not a CloudEvent or not a valid request goes to
 * {@code dialog.events.dlq} with the reason in its {@code dead-letter-reason} header, and the consumer goes on.
 */
@ApplicationScoped
public class DialogEventsConsumer {

    public static final String HANDOFF_REQUESTED = "dialog.handoff-requested";
    private static final Logger LOG = Logger.getLogger(DialogEventsConsumer.class);

    @Inject
    HandoffService handoffs;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("dialog-events-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("dialog-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        HandoffRequest request;
        try {
            request = parse(record.value());
        } catch (CloudEvent.Unreadable e) {
            return deadLetter(record, e.getMessage());
        }
        if (request == null) {
            return Uni.createFrom().voidItem();
        }
        return handoffs.request(request)
                .invoke(r -> LOG.debugf("dialog.events partition %d offset %d: handoff %s (%s)", record.partition(),
                        record.offset(), r.handoff().id(), r.created() ? "created" : "already known"))
                .replaceWithVoid()
                .onFailure(InvalidRequestException.class).recoverWithUni(e -> deadLetter(record, "invalid handoff request: "
                        + ((InvalidRequestException) e).errors().stream().map(f -> f.field() + " " + f.code())
                                .collect(Collectors.joining(", "))))
                // the database is unreachable: wait for it rather than dead-letter a good request
                .onFailure(e -> !(e instanceof InvalidRequestException)).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }

    /** The request in the record, or null when the event is of another type. */
    HandoffRequest parse(String value) {
        JsonNode node = CloudEvent.read(json, value);
        String type = node.path("type").asText("");
        if (!HANDOFF_REQUESTED.equals(type)) {
            return null;
        }
        JsonNode data = node.get("data");
        if (!data.isObject()) {
            throw new CloudEvent.Unreadable("data of " + HANDOFF_REQUESTED + " is not an object");
        }
        String id = node.path("id").asText("");
        ObjectNode payload = ((ObjectNode) data).deepCopy();
        if (!payload.hasNonNull("idempotencyKey") && !id.isBlank()) {
            payload.put("idempotencyKey", "dialog.events:" + id);
        }
        try {
            return json.treeToValue(payload, HandoffRequest.class);
        } catch (JsonProcessingException e) {
            throw new CloudEvent.Unreadable("data does not have the shape of a handoff request: " + e.getOriginalMessage());
        }
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("dialog.events partition %d offset %d rejected: %s", record.partition(), record.offset(), reason);
        return deadLetters.sendMessage(DeadLetter.of(record, reason));
    }
}
