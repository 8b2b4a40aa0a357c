package io.ordercare.routing.handoff;

import static io.ordercare.routing.platform.Desk.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.proto.routing.v1.Channel;
import io.ordercare.proto.routing.v1.Customer;
import io.ordercare.proto.routing.v1.GetConversationOwnerRequest;
import io.ordercare.proto.routing.v1.GetHandoffRequest;
import io.ordercare.proto.routing.v1.HandBackRequest;
import io.ordercare.proto.routing.v1.Handoff;
import io.ordercare.proto.routing.v1.HandoffStatus;
import io.ordercare.proto.routing.v1.OrderRef;
import io.ordercare.proto.routing.v1.RequestHandoffRequest;
import io.ordercare.proto.routing.v1.RoutingServiceGrpc;
import io.ordercare.proto.routing.v1.Turn;
import io.ordercare.proto.routing.v1.Urgency;
import io.ordercare.routing.platform.Desk;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gRPC contract dialog-service uses, on the same port as REST. */
@QuarkusTest
class HandoffGrpcTest {

    @GrpcClient("routing")
    RoutingServiceGrpc.RoutingServiceBlockingStub routing;

    private static RequestHandoffRequest request(String tag, String conversation) {
        return RequestHandoffRequest.newBuilder().setIdempotencyKey(conversation + ":1").setConversationId(conversation)
                .setCustomer(Customer.newBuilder().setId("cus-1").setLanguage("zh-CN"))
                .setChannel(Channel.CHAT).setOrder(OrderRef.newBuilder().setId("ord-" + conversation).setCategory("digital"))
                .setIntent("payment_problem").setSummary("Charged twice for one order")
                .addTranscript(Turn.newBuilder().setSpeaker("customer").setText("扣了两次款").setAt("2026-11-24T08:00:00Z"))
                .setSentiment(-0.8).setUrgency(Urgency.HIGH).setSkillExpression("skills HAS '" + tag + "'").build();
    }

    @Test
    void requestHandoffIsRoutedAndTheBotLearnsAHumanOwnsTheConversation() {
        String tag = Desk.tag();
        String agent = agent("payments", List.of(tag, "payments"), List.of("zh"), Map.of("CHAT", 2));
        String conversation = "conv-" + UUID.randomUUID();

        Handoff h = routing.requestHandoff(request(tag, conversation));
        Handoff again = routing.requestHandoff(request(tag, conversation));

        assertThat(h.getQueue()).isEqualTo("payments");
        assertThat(h.getStatus()).isEqualTo(HandoffStatus.OFFERED);
        assertThat(h.getAgentId()).isEqualTo(agent);
        assertThat(again.getId()).isEqualTo(h.getId());
        assertThat(routing.getHandoff(GetHandoffRequest.newBuilder().setHandoffId(h.getId()).build()).getTranscript(0).getText())
                .isEqualTo("扣了两次款");
        var owner = routing.getConversationOwner(GetConversationOwnerRequest.newBuilder().setConversationId(conversation).build());
        assertThat(owner.getHumanOwned()).isTrue();
        assertThat(owner.getAgentId()).isEqualTo(agent);
    }

    @Test
    void handBackOfAWaitingHandoffReturnsTheConversationToTheBot() {
        String tag = Desk.tag();
        String conversation = "conv-" + UUID.randomUUID();
        Handoff h = routing.requestHandoff(request(tag, conversation));
        assertThat(h.getStatus()).isEqualTo(HandoffStatus.WAITING);

        Handoff back = routing.handBack(HandBackRequest.newBuilder().setHandoffId(h.getId()).setActor("dialog-service")
                .setNote("customer left the chat").build());

        assertThat(back.getStatus()).isEqualTo(HandoffStatus.HANDED_BACK);
        assertThat(routing.getConversationOwner(GetConversationOwnerRequest.newBuilder().setConversationId(conversation)
                .build()).getHumanOwned()).isFalse();
        Desk.events(conversation, "routing.handed-back");
        assertThatThrownBy(() -> routing.handBack(HandBackRequest.newBuilder().setHandoffId(h.getId()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void staleVersionIsAbortedAndUnknownHandoffIsNotFound() {
        String tag = Desk.tag();
        Handoff h = routing.requestHandoff(request(tag, "conv-" + UUID.randomUUID()));

        assertThatThrownBy(() -> routing.handBack(HandBackRequest.newBuilder().setHandoffId(h.getId())
                .setExpectedVersion(h.getVersion() + 7).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
        assertThatThrownBy(() -> routing.getHandoff(GetHandoffRequest.newBuilder().setHandoffId("nope").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
}
