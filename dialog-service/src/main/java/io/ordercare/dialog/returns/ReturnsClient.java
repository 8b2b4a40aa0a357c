package io.ordercare.dialog.returns;

import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.proto.returns.v1.Eligibility;
import io.ordercare.proto.returns.v1.EligibilityRequest;
import io.ordercare.proto.returns.v1.GetRefundRequest;
import io.ordercare.proto.returns.v1.ListReturnsRequest;
import io.ordercare.proto.returns.v1.MutinyReturnsServiceGrpc;
import io.ordercare.proto.returns.v1.PriceProtectionClaim;
import io.ordercare.proto.returns.v1.Refund;
import io.ordercare.proto.returns.v1.ResolveDoubleChargeRequest;
import io.ordercare.proto.returns.v1.Return;
import io.ordercare.proto.returns.v1.ReturnKind;
import io.ordercare.proto.returns.v1.ReturnRequest;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** returns-service's ReturnsService as the dialogs use it; failures arrive as {@link CallFailure}. */
@ApplicationScoped
public class ReturnsClient {

    static final String SERVICE = "returns-service";

    @GrpcClient("returns")
    MutinyReturnsServiceGrpc.MutinyReturnsServiceStub returns;

    @Inject
    DialogConfig config;

    private MutinyReturnsServiceGrpc.MutinyReturnsServiceStub stub() {
        return returns.withDeadlineAfter(config.grpcTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Uni<Eligibility> eligibility(String orderId, ReturnKind kind, String reason) {
        return stub().checkEligibility(EligibilityRequest.newBuilder().setOrderId(orderId).setKind(kind)
                .setReason(reason).build()).onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }

    /** Opens the return; {@code requestId} makes a repeat of the same request return the same return. */
    public Uni<Return> request(String orderId, ReturnKind kind, String reason, String requestId, String note) {
        return stub().requestReturn(ReturnRequest.newBuilder().setOrderId(orderId).setKind(kind).setReason(reason)
                .setRequestId(requestId).setNote(note).setActor(config.actor()).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }

    public Uni<List<Return>> ofOrder(String orderId) {
        return stub().listReturns(ListReturnsRequest.newBuilder().setOrderId(orderId).build())
                .map(r -> r.getReturnsList()).onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }

    public Uni<Refund> refund(String refundId) {
        return stub().getRefund(GetRefundRequest.newBuilder().setRefundId(refundId).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }

    public Uni<List<Refund>> resolveDoubleCharge(String orderId) {
        return stub().resolveDoubleCharge(ResolveDoubleChargeRequest.newBuilder().setOrderId(orderId)
                .setActor(config.actor()).build()).map(r -> r.getRefundsList())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }

    public Uni<Refund> claimPriceProtection(String orderId, long itemId, long currentPriceMinor, String evidence) {
        return stub().claimPriceProtection(PriceProtectionClaim.newBuilder().setOrderId(orderId).setItemId(itemId)
                .setCurrentUnitPriceMinor(currentPriceMinor).setEvidence(evidence).setActor(config.actor()).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }
}
