package io.ordercare.routing.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.platform.CloudEvent;
import io.ordercare.routing.assignment.Assignment;
import io.ordercare.routing.handoff.Handoff;
import io.ordercare.routing.platform.RoutingConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Every step of a handoff as a CloudEvent on {@code routing.events}, written after the step committed,
 * keyed by conversation id (one conversation's steps stay in order on one partition); {@code subject}
 * is the order id when the handoff has one, else the conversation id. The same step goes to the
 * agent's live stream ({@link LiveUpdates}).
 *
 * <p>Types: {@code routing.handoff-queued}, {@code routing.assignment-offered}, {@code -accepted},
 * {@code -rejected}, {@code -timed-out}, {@code -transferred}, {@code -resolved}, {@code routing.handed-back},
 * {@code routing.callback-offered}.
 */
@ApplicationScoped
public class RoutingEvents {

    private static final Logger LOG = Logger.getLogger(RoutingEvents.class);

    public static final String HANDOFF_QUEUED = "routing.handoff-queued";
    public static final String OFFERED = "routing.assignment-offered";
    public static final String ACCEPTED = "routing.assignment-accepted";
    public static final String REJECTED = "routing.assignment-rejected";
    public static final String TIMED_OUT = "routing.assignment-timed-out";
    public static final String TRANSFERRED = "routing.assignment-transferred";
    public static final String RESOLVED = "routing.assignment-resolved";
    public static final String HANDED_BACK = "routing.handed-back";
    public static final String CALLBACK_OFFERED = "routing.callback-offered";

    @Inject
    @Channel("routing-events")
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    RoutingConfig config;

    @Inject
    LiveUpdates live;

    /**
     * Publishes one step; {@code a} may be null (queued, callback offered, handed back while waiting),
     * {@code extra} adds fields. Never fails: the step is committed already; a broker failure is logged.
     */
    public Uni<Void> publish(String type, Handoff h, Assignment a, Consumer<ObjectNode> extra) {
        ObjectNode data = json.createObjectNode();
        data.put("handoffId", h.id);
        data.put("conversationId", h.conversationId);
        if (h.orderId != null) {
            data.put("orderId", h.orderId);
        }
        if (h.customerId != null) {
            data.put("customerId", h.customerId);
        }
        data.put("channel", h.channel.name());
        data.put("queue", h.queueId);
        data.put("handoffStatus", h.status.name());
        if (a != null) {
            data.put("assignmentId", a.id);
            data.put("agentId", a.agentId);
            data.put("assignmentStatus", a.status.name());
            if (a.note != null) {
                data.put("note", a.note);
            }
        }
        if (extra != null) {
            extra.accept(data);
        }
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), config.eventSource(), type, clock.instant(),
                h.orderId != null ? h.orderId : h.conversationId, data);
        if (a != null) {
            live.publish(new LiveUpdates.AgentEvent(type, a.agentId, a.id, h.id, h.conversationId, a.status.name(),
                    event.time()));
        }
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "could not serialise %s of handoff %s", type, h.id);
            return Uni.createFrom().voidItem();
        }
        Message<String> message = Message.of(body).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(h.conversationId).build());
        return emitter.sendMessage(message)
                .onFailure().invoke(e -> LOG.errorf("could not publish %s of handoff %s: %s", type, h.id, e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
