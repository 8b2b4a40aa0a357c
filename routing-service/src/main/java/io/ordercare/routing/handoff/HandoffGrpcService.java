package io.ordercare.routing.handoff;

import io.ordercare.proto.routing.v1.Assignment;
import io.ordercare.proto.routing.v1.Channel;
import io.ordercare.proto.routing.v1.ConversationOwner;
import io.ordercare.proto.routing.v1.Customer;
import io.ordercare.proto.routing.v1.CustomerValue;
import io.ordercare.proto.routing.v1.GetConversationOwnerRequest;
import io.ordercare.proto.routing.v1.GetHandoffRequest;
import io.ordercare.proto.routing.v1.HandBackRequest;
import io.ordercare.proto.routing.v1.Handoff;
import io.ordercare.proto.routing.v1.HandoffStatus;
import io.ordercare.proto.routing.v1.OrderRef;
import io.ordercare.proto.routing.v1.RequestHandoffRequest;
import io.ordercare.proto.routing.v1.Urgency;
import io.ordercare.routing.assignment.AssignmentView;
import io.ordercare.routing.platform.GrpcStatus;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** gRPC face of the handoffs for internal callers (dialog-service); see routing_service.proto. */
@GrpcService
public class HandoffGrpcService implements io.ordercare.proto.routing.v1.RoutingService {

    @Inject
    HandoffService handoffs;

    @Override
    public Uni<Handoff> requestHandoff(RequestHandoffRequest r) {
        return handoffs.request(fromProto(r)).map(res -> toProto(res.handoff())).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<Handoff> getHandoff(GetHandoffRequest r) {
        return handoffs.get(r.getHandoffId()).map(HandoffGrpcService::toProto).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<ConversationOwner> getConversationOwner(GetConversationOwnerRequest r) {
        ConversationOwner.Builder owner = ConversationOwner.newBuilder().setConversationId(r.getConversationId());
        return handoffs.openFor(r.getConversationId()).map(h -> {
            if (h != null) {
                owner.setHumanOwned(true).setHandoffId(h.id()).setStatus(HandoffStatus.valueOf(h.status()))
                        .setAgentId(nz(h.agentId()));
            }
            return owner.build();
        }).onFailure().transform(GrpcStatus::of);
    }

    @Override
    public Uni<Handoff> handBack(HandBackRequest r) {
        return handoffs.handBack(r.getHandoffId(), r.getExpectedVersion() == 0 ? null : r.getExpectedVersion(),
                r.getActor(), r.getNote()).map(HandoffGrpcService::toProto).onFailure().transform(GrpcStatus::of);
    }

    static HandoffRequest fromProto(RequestHandoffRequest r) {
        HandoffRequest.Customer customer = r.hasCustomer() ? new HandoffRequest.Customer(r.getCustomer().getId(),
                r.getCustomer().getLanguage(), switch (r.getCustomer().getValue()) {
                    case CUSTOMER_VALUE_UNSPECIFIED -> null;
                    case HIGH_VALUE -> "HIGH_VALUE";
                    case UNRECOGNIZED -> "UNRECOGNIZED";
                    default -> r.getCustomer().getValue().name();
                }) : null;
        HandoffRequest.Order order = r.hasOrder() ? new HandoffRequest.Order(r.getOrder().getId(), r.getOrder().getCategory())
                : null;
        String channel = r.getChannel() == Channel.CHANNEL_UNSPECIFIED ? null : r.getChannel().name();
        String urgency = r.getUrgency() == Urgency.URGENCY_UNSPECIFIED ? null : r.getUrgency().name();
        List<HandoffRequest.TurnRequest> transcript = r.getTranscriptList().stream()
                .map(t -> new HandoffRequest.TurnRequest(t.getSpeaker(), t.getText(), t.getAt())).toList();
        return new HandoffRequest(r.getIdempotencyKey(), r.getConversationId(), customer, channel, order, r.getIntent(),
                r.getSummary(), transcript, r.getSentiment(), urgency, r.getQueue(), r.getSkillExpression());
    }

    static Handoff toProto(HandoffView h) {
        Handoff.Builder b = Handoff.newBuilder().setId(h.id()).setIdempotencyKey(h.idempotencyKey())
                .setConversationId(h.conversationId())
                .setCustomer(Customer.newBuilder().setId(nz(h.customer().id())).setLanguage(nz(h.customer().language()))
                        .setValue(CustomerValue.valueOf(h.customer().value())))
                .setChannel(Channel.valueOf(h.channel())).setIntent(nz(h.intent())).setSummary(nz(h.summary()))
                .setSentiment(h.sentiment() == null ? 0 : h.sentiment()).setUrgency(Urgency.valueOf(h.urgency()))
                .setQueue(h.queue()).setSkillExpression(nz(h.skillExpression()))
                .setStatus(HandoffStatus.valueOf(h.status())).setAgentId(nz(h.agentId()))
                .setCreatedAt(ts(h.createdAt())).setQueuedAt(ts(h.queuedAt())).setCallbackOfferedAt(ts(h.callbackOfferedAt()))
                .setVersion(h.version());
        if (h.order() != null) {
            b.setOrder(OrderRef.newBuilder().setId(nz(h.order().id())).setCategory(nz(h.order().category())));
        }
        h.transcript().forEach(t -> b.addTranscript(io.ordercare.proto.routing.v1.Turn.newBuilder().setSpeaker(nz(t.speaker()))
                .setText(nz(t.text())).setAt(ts(t.at()))));
        for (AssignmentView a : h.assignments()) {
            b.addAssignments(Assignment.newBuilder().setId(a.id()).setAgentId(a.agentId()).setStatus(a.status())
                    .setOfferedAt(ts(a.offeredAt())).setEndedAt(ts(a.endedAt())).setNote(nz(a.note())));
        }
        return b.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String ts(Instant i) {
        return i == null ? "" : i.toString();
    }
}
