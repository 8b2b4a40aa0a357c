package io.ordercare.returns.returnrequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.platform.GrpcStatuses;
import io.ordercare.proto.returns.v1.Eligibility;
import io.ordercare.proto.returns.v1.EligibilityRequest;
import io.ordercare.proto.returns.v1.GetRefundRequest;
import io.ordercare.proto.returns.v1.GetReturnRequest;
import io.ordercare.proto.returns.v1.InspectionRequest;
import io.ordercare.proto.returns.v1.ItemQuantity;
import io.ordercare.proto.returns.v1.ItemVerdict;
import io.ordercare.proto.returns.v1.ListReturnsRequest;
import io.ordercare.proto.returns.v1.ListReturnsResponse;
import io.ordercare.proto.returns.v1.Money;
import io.ordercare.proto.returns.v1.PriceProtectionClaim;
import io.ordercare.proto.returns.v1.RefundLine;
import io.ordercare.proto.returns.v1.RefundRequest;
import io.ordercare.proto.returns.v1.ResolveDoubleChargeRequest;
import io.ordercare.proto.returns.v1.ResolveDoubleChargeResponse;
import io.ordercare.proto.returns.v1.Return;
import io.ordercare.proto.returns.v1.ReturnItem;
import io.ordercare.proto.returns.v1.ReturnKind;
import io.ordercare.proto.returns.v1.ReturnRequest;
import io.ordercare.proto.returns.v1.SchedulePickupRequest;
import io.ordercare.proto.returns.v1.Transition;
import io.ordercare.returns.order.OrderNotFoundException;
import io.ordercare.returns.order.OrderUnavailableException;
import io.ordercare.returns.platform.Refusal;
import io.ordercare.returns.priceprotection.PriceProtectionService;
import io.ordercare.returns.refund.Refund;
import io.ordercare.returns.refund.RefundService;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** gRPC {@code ReturnsService}: translates and delegates to the use cases. */
@GrpcService
public class ReturnsGrpcService implements io.ordercare.proto.returns.v1.ReturnsService {


    @Inject
    ReturnService returns;

    @Inject
    RefundService refunds;

    @Inject
    PriceProtectionService priceProtection;

    @Override
    public Uni<Eligibility> checkEligibility(EligibilityRequest r) {
        return returns.check(new ReturnService.ReturnCommand(r.getOrderId(), items(r.getItemsList()), kind(r.getKind()),
                r.getReason(), r.getOpened(), null, null, null))
                .map(v -> eligibility(v)).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<Return> requestReturn(ReturnRequest r) {
        return returns.request(new ReturnService.ReturnCommand(r.getOrderId(), items(r.getItemsList()),
                kind(r.getKind()), r.getReason(), r.getOpened(), blankToNull(r.getNote()), blankToNull(r.getRequestId()),
                blankToNull(r.getActor())))
                .map(ReturnsGrpcService::proto).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<Return> getReturn(GetReturnRequest r) {
        return returns.get(r.getReturnId()).map(ReturnsGrpcService::proto)
                .onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<ListReturnsResponse> listReturns(ListReturnsRequest r) {
        return returns.byOrder(r.getOrderId())
                .map(list -> ListReturnsResponse.newBuilder().addAllReturns(list.stream().map(ReturnsGrpcService::proto)
                        .toList()).build())
                .onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<Return> schedulePickup(SchedulePickupRequest r) {
        return returns.schedulePickup(r.getReturnId(), new ReturnService.PickupCommand(r.getSlotStart(), r.getSlotEnd(),
                r.getCarrier(), r.getTrackingNumber(), blankToNull(r.getOrigin())))
                .map(ReturnsGrpcService::proto).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<Return> recordInspection(InspectionRequest r) {
        return returns.inspect(r.getReturnId(), new ReturnService.InspectionCommand(r.getPassed(),
                blankToNull(r.getNote()), blankToNull(r.getActor())))
                .map(ReturnsGrpcService::proto).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<io.ordercare.proto.returns.v1.Refund> requestRefund(RefundRequest r) {
        return refunds.requestRefund(new RefundService.RefundCommand(blankToNull(r.getIdempotencyKey()),
                blankToNull(r.getOrderId()), r.getItemsList().stream().map(i -> new RefundService.ItemQuantity(
                        i.getItemId(), i.getQuantity())).toList(), blankToNull(r.getReason()), blankToNull(r.getActor())))
                .map(i -> proto(i.refund())).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<io.ordercare.proto.returns.v1.Refund> getRefund(GetRefundRequest r) {
        UUID id;
        try {
            id = UUID.fromString(r.getRefundId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("refund_id: invalid_id")
                    .asRuntimeException());
        }
        return refunds.get(id).map(ReturnsGrpcService::proto).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<ResolveDoubleChargeResponse> resolveDoubleCharge(ResolveDoubleChargeRequest r) {
        return refunds.resolveDoubleCharge(r.getOrderId(), blankToNull(r.getActor()))
                .map(list -> ResolveDoubleChargeResponse.newBuilder()
                        .addAllRefunds(list.stream().map(ReturnsGrpcService::proto).toList()).build())
                .onFailure().transform(ReturnsGrpcService::toStatus);
    }

    @Override
    public Uni<io.ordercare.proto.returns.v1.Refund> claimPriceProtection(PriceProtectionClaim r) {
        return priceProtection.claim(new PriceProtectionService.Claim(blankToNull(r.getOrderId()), r.getItemId(),
                r.getCurrentUnitPriceMinor(), blankToNull(r.getEvidence()), blankToNull(r.getActor())))
                .map(i -> proto(i.refund())).onFailure().transform(ReturnsGrpcService::toStatus);
    }

    // ------------------------------------------------------------------------------------------------ mapping

    private static List<ReturnService.ItemQuantity> items(List<ItemQuantity> items) {
        return items.stream().map(i -> new ReturnService.ItemQuantity(i.getItemId(), i.getQuantity())).toList();
    }

    private static String kind(ReturnKind k) {
        return k == ReturnKind.EXCHANGE ? "EXCHANGE" : "RETURN";
    }

    static Eligibility eligibility(EligibilityView v) {
        var b = Eligibility.newBuilder().setEligible(v.eligible()).setRule(v.rule())
                .setExplanationEn(v.explanation().get("en")).setExplanationZh(v.explanation().get("zh"))
                .setReturnShippingPaidBy(v.returnShippingPaidBy());
        if (v.estimatedRefundMinor() != null) {
            b.setEstimatedRefund(money(v.estimatedRefundMinor(), v.currency()));
        }
        v.items().forEach(i -> b.addItems(ItemVerdict.newBuilder().setItemId(i.itemId()).setSku(nz(i.sku()))
                .setCategory(nz(i.category())).setEligible(i.eligible()).setRule(i.rule())
                .setExplanationEn(i.explanation().get("en")).setExplanationZh(i.explanation().get("zh"))
                .setPolicyId(i.policyId() == null ? 0 : i.policyId())
                .setPolicyVersion(i.policyVersion() == null ? 0 : i.policyVersion())
                .setDeadline(i.deadline() == null ? "" : i.deadline().toString())));
        return b.build();
    }

    static Return proto(ReturnView v) {
        var b = Return.newBuilder().setId(v.id()).setOrderId(v.orderId())
                .setKind("EXCHANGE".equals(v.kind()) ? ReturnKind.EXCHANGE : ReturnKind.RETURN).setReason(v.reason())
                .setStatus(v.status()).setPickupSlotStart(str(v.pickupSlotStart())).setPickupSlotEnd(str(v.pickupSlotEnd()))
                .setCarrier(nz(v.carrier())).setTrackingNumber(nz(v.trackingNumber())).setRefundId(str(v.refundId()))
                .setVersion(v.version()).setCreatedAt(str(v.createdAt())).setUpdatedAt(str(v.updatedAt()));
        v.items().forEach(i -> b.addItems(ReturnItem.newBuilder().setItemId(i.itemId()).setSku(nz(i.sku()))
                .setName(nz(i.name())).setCategory(nz(i.category())).setQuantity(i.quantity())
                .setUnitPrice(money(i.unitPriceMinor(), i.currency()))));
        v.history().forEach(t -> b.addHistory(Transition.newBuilder().setFrom(nz(t.from())).setTo(t.to())
                .setAt(str(t.at())).setCause(nz(t.cause()))));
        if (v.eligibility() != null) {
            var e = v.eligibility();
            var eb = Eligibility.newBuilder().setEligible(e.path("eligible").asBoolean())
                    .setRule(e.path("rule").asText()).setExplanationEn(e.path("explanation").path("en").asText())
                    .setExplanationZh(e.path("explanation").path("zh").asText())
                    .setReturnShippingPaidBy(e.path("returnShippingPaidBy").asText());
            b.setEligibility(eb);
        }
        return b.build();
    }

    static io.ordercare.proto.returns.v1.Refund proto(Refund r) {
        var b = io.ordercare.proto.returns.v1.Refund.newBuilder().setId(r.id().toString())
                .setIdempotencyKey(r.idempotencyKey()).setOrderId(r.orderId()).setReturnId(nz(r.returnId()))
                .setKind(r.kind()).setStatus(r.status()).setAmount(money(r.amountMinor(), r.currency()))
                .setPaymentMethod(nz(r.paymentMethod())).setReviewReason(nz(r.reviewReason()))
                .setProviderRef(nz(r.providerRef())).setAttempts(r.attempts()).setCreatedAt(str(r.createdAt()))
                .setPaidAt(str(r.paidAt()));
        r.lines().forEach(l -> b.addLines(RefundLine.newBuilder().setItemId(l.itemId()).setQuantity(l.quantity())
                .setAmount(money(l.amountMinor(), r.currency())).setShipping(money(l.shippingMinor(), r.currency()))));
        return b.build();
    }

    private static Money money(long minor, String currency) {
        return Money.newBuilder().setMinor(minor).setCurrency(nz(currency)).build();
    }

    static StatusRuntimeException toStatus(Throwable t) {
        if (t instanceof Refusal r) {
            return Status.fromCode(r.kind().grpc).withDescription(r.code() + ": " + r.getMessage()).asRuntimeException();
        }
        if (t instanceof OrderNotFoundException e) {
            return Status.NOT_FOUND.withDescription("no order " + e.orderId()).asRuntimeException();
        }
        if (t instanceof OrderUnavailableException) {
            return Status.UNAVAILABLE.withDescription("order-gateway unreachable; nothing written").asRuntimeException();
        }
        return GrpcStatuses.common(t);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
