package io.ordercare.dialog.handoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.dialog.conversation.Conversation;
import io.ordercare.dialog.conversation.Turn;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.routing.v1.Channel;
import io.ordercare.proto.routing.v1.Customer;
import io.ordercare.proto.routing.v1.MutinyRoutingServiceGrpc;
import io.ordercare.proto.routing.v1.OrderRef;
import io.ordercare.proto.routing.v1.RequestHandoffRequest;
import io.ordercare.proto.routing.v1.Urgency;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Hands a conversation to a person with everything the bot knew, so the customer is not asked again: a
 * {@code dialog.handoff-requested} event on dialog.events (written with the turn, through the outbox; routing-service
 * consumes it) and, right after the commit, the same request to routing-service over gRPC for an immediate
 * assignment. Both carry one idempotency key, so they make one handoff.
 */
@ApplicationScoped
public class HandoffService {

    public static final String HANDOFF_REQUESTED = "dialog.handoff-requested";
    private static final Logger LOG = Logger.getLogger(HandoffService.class);
    private static final int TRANSCRIPT_TURNS = 20;

    @GrpcClient("routing")
    MutinyRoutingServiceGrpc.MutinyRoutingServiceStub routing;

    @Inject
    DialogConfig config;

    @Inject
    Replies replies;

    @Inject
    ObjectMapper json;

    /** The request, built while the turn is written. */
    public record Request(RequestHandoffRequest grpc, Outbox.Event event) {
    }

    public Request build(TurnContext ctx, List<Turn> transcript, String turnKey) {
        Conversation c = ctx.conversation;
        TurnContext.HandoffNeed need = ctx.handoff;
        Optional<Order> order = ctx.ordersRead().stream().filter(o -> o.getId().equals(need.orderId())).findFirst();
        String intent = ctx.state.intent != null ? ctx.state.intent : ctx.nlu.intent();
        String summary = replies.text(ctx.locale(), "handoff.summary", intent, need.reason(),
                order.map(Replies::orderNumber).orElse("-"),
                order.map(o -> replies.status(ctx.locale(), o.getStatus().name())).orElse("-"),
                c.verified ? replies.text(ctx.locale(), "handoff.verified") : replies.text(ctx.locale(), "handoff.unverified"));
        RequestHandoffRequest.Builder r = RequestHandoffRequest.newBuilder()
                .setIdempotencyKey(turnKey)
                .setConversationId(c.id)
                .setCustomer(Customer.newBuilder().setId(ctx.gatewayCustomerId != null ? ctx.gatewayCustomerId
                        : ctx.learntCustomerId != null ? ctx.learntCustomerId : "").setLanguage(c.lang))
                .setChannel(Channel.valueOf(c.channel))
                .setIntent(intent)
                .setSummary(summary)
                .setSentiment(Math.max(-1, Math.min(1, ctx.nlu.sentiment())))
                .setUrgency(Urgency.valueOf(need.urgency()));
        if (order.isPresent()) {
            Order o = order.get();
            r.setOrder(OrderRef.newBuilder().setId(o.getId())
                    .setCategory(o.getItemsCount() == 0 ? "" : o.getItems(0).getCategory()));
        } else if (need.orderId() != null) {
            r.setOrder(OrderRef.newBuilder().setId(need.orderId()));
        }
        if (need.queue() != null) {
            r.setQueue(need.queue());
        }
        List<Turn> last = transcript.subList(Math.max(0, transcript.size() - TRANSCRIPT_TURNS), transcript.size());
        for (Turn t : last) {
            r.addTranscript(io.ordercare.proto.routing.v1.Turn.newBuilder().setSpeaker(t.speaker).setText(t.text)
                    .setAt(t.at.toString()));
        }
        RequestHandoffRequest grpc = r.build();
        return new Request(grpc, event(grpc, ctx));
    }

    /** The same request as routing-service's POST /api/handoffs JSON, in a CloudEvent keyed by conversation. */
    private Outbox.Event event(RequestHandoffRequest r, TurnContext ctx) {
        ObjectNode data = json.createObjectNode();
        data.put("idempotencyKey", r.getIdempotencyKey());
        data.put("conversationId", r.getConversationId());
        ObjectNode customer = data.putObject("customer");
        customer.put("id", r.getCustomer().getId().isEmpty() ? null : r.getCustomer().getId());
        customer.put("language", r.getCustomer().getLanguage());
        data.put("channel", r.getChannel().name());
        if (r.hasOrder()) {
            data.putObject("order").put("id", r.getOrder().getId()).put("category", r.getOrder().getCategory());
        }
        data.put("intent", r.getIntent());
        data.put("summary", r.getSummary());
        ArrayNode transcript = data.putArray("transcript");
        r.getTranscriptList().forEach(t -> transcript.addObject().put("speaker", t.getSpeaker()).put("text", t.getText())
                .put("at", t.getAt()));
        data.put("sentiment", r.getSentiment());
        data.put("urgency", r.getUrgency().name());
        if (!r.getQueue().isEmpty()) {
            data.put("queue", r.getQueue());
        }
        UUID id = UUID.randomUUID();
        CloudEvent e = CloudEvent.of(id.toString(), config.eventSource(), HANDOFF_REQUESTED, ctx.now,
                ctx.state.focusOrderId, data);
        return new Outbox.Event(id, config.eventsTopic(), r.getConversationId(), json.valueToTree(e).toString());
    }

    /** Asks routing-service at once; when it cannot be reached the event on dialog.events gets there later. */
    public Uni<Optional<String>> send(RequestHandoffRequest r) {
        return routing.withDeadlineAfter(config.grpcTimeout().toMillis(), TimeUnit.MILLISECONDS).requestHandoff(r)
                .map(h -> Optional.of(h.getId()))
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("routing-service not reached for the handoff of conversation %s (dialog.events carries it): %s",
                            r.getConversationId(), t.getMessage());
                    return Optional.empty();
                });
    }
}
