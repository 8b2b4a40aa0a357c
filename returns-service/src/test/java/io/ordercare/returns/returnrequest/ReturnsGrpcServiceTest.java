package io.ordercare.returns.returnrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.proto.returns.v1.EligibilityRequest;
import io.ordercare.proto.returns.v1.GetReturnRequest;
import io.ordercare.proto.returns.v1.ItemQuantity;
import io.ordercare.proto.returns.v1.ListReturnsRequest;
import io.ordercare.proto.returns.v1.MutinyReturnsServiceGrpc;
import io.ordercare.proto.returns.v1.RefundRequest;
import io.ordercare.proto.returns.v1.ReturnKind;
import io.ordercare.proto.returns.v1.ReturnRequest;
import io.ordercare.returns.platform.Orders;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReturnsGrpcServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("returns")
    MutinyReturnsServiceGrpc.MutinyReturnsServiceStub returns;

    @Test
    void aReturnRequestedOverGrpcIsApprovedAndListedForItsOrder() {
        String order = Orders.taobao(true);
        long tee = Orders.item(order, "T恤");
        var eligibility = returns.checkEligibility(EligibilityRequest.newBuilder().setOrderId(order)
                .addItems(ItemQuantity.newBuilder().setItemId(tee).setQuantity(1)).setReason("NO_REASON").build())
                .await().atMost(WAIT);
        assertThat(eligibility.getEligible()).isTrue();
        assertThat(eligibility.getExplanationZh()).startsWith("可以退货");
        assertThat(eligibility.getEstimatedRefund().getMinor()).isEqualTo(8900);

        var rma = returns.requestReturn(ReturnRequest.newBuilder().setOrderId(order).setKind(ReturnKind.RETURN)
                .addItems(ItemQuantity.newBuilder().setItemId(tee).setQuantity(1)).setReason("NO_REASON")
                .setRequestId("req-" + order).build()).await().atMost(WAIT);
        assertThat(rma.getStatus()).isEqualTo("APPROVED");
        var again = returns.requestReturn(ReturnRequest.newBuilder().setOrderId(order)
                .addItems(ItemQuantity.newBuilder().setItemId(tee).setQuantity(1)).setReason("NO_REASON")
                .setRequestId("req-" + order).build()).await().atMost(WAIT);
        assertThat(again.getId()).isEqualTo(rma.getId());
        assertThat(returns.listReturns(ListReturnsRequest.newBuilder().setOrderId(order).build()).await().atMost(WAIT)
                .getReturnsList()).hasSize(1);
    }

    @Test
    void errorsAreMeaningfulStatuses() {
        assertThatThrownBy(() -> returns.getReturn(GetReturnRequest.newBuilder().setReturnId("RMA-NONE").build())
                .await().atMost(WAIT)).isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> returns.requestRefund(RefundRequest.newBuilder().setOrderId("x").build())
                .await().atMost(WAIT)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("idempotencyKey: required", "items: required",
                            "reason: required");
                });
        assertThatThrownBy(() -> returns.checkEligibility(EligibilityRequest.newBuilder().setOrderId("OC-NONE-9")
                .setReason("NO_REASON").build()).await().atMost(WAIT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        String order = Orders.taobao(false);
        var rejected = returns.requestReturn(ReturnRequest.newBuilder().setOrderId(order).setReason("NO_REASON")
                .build()).await().atMost(WAIT);
        assertThat(rejected.getStatus()).isEqualTo("REJECTED");
        assertThat(rejected.getEligibility().getRule()).isEqualTo("NOT_DELIVERED");
        assertThatThrownBy(() -> returns.schedulePickup(io.ordercare.proto.returns.v1.SchedulePickupRequest.newBuilder()
                .setReturnId(rejected.getId()).setSlotStart(java.time.Instant.now().plusSeconds(86400).toString())
                .setSlotEnd(java.time.Instant.now().plusSeconds(90000).toString()).setCarrier("SF")
                .setTrackingNumber("SF" + Orders.unique()).build()).await().atMost(WAIT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }
}
