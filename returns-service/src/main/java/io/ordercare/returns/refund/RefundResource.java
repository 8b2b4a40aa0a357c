package io.ordercare.returns.refund;

import io.ordercare.platform.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST mirror of the refunds of gRPC {@code ReturnsService}, and the manual-review queue. */
@Path("/api/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Refunds", description = "The refund ledger: exactly-once refunds, double charges, manual review")
public class RefundResource {

    @Inject
    RefundService refunds;

    @POST
    @Operation(summary = "Refund items", description = "A refund without a return (e.g. items never received), "
            + "prorated to the cent, to the original payment method. idempotencyKey is required: any retry or "
            + "duplicate with the same key returns the same single refund (200); the first call creates it (201). "
            + "The same key with a different request is refused (409).")
    @APIResponse(responseCode = "201", description = "Refund created (PENDING, or MANUAL_REVIEW)")
    @APIResponse(responseCode = "200", description = "The refund created earlier with this key")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed; nothing written")
    @APIResponse(responseCode = "409", description = "Key reused for another request, quantity exceeded, not paid")
    @APIResponse(responseCode = "503", description = "order-gateway unreachable; nothing written")
    public Uni<Response> request(RefundService.RefundCommand request) {
        return refunds.requestRefund(request)
                .map(i -> Response.status(i.created() ? 201 : 200).entity(i.refund()).build());
    }

    @GET
    @Operation(summary = "Refunds of an order, or by status", description = "status=MANUAL_REVIEW is the review queue.")
    public Uni<List<Refund>> list(@Parameter(description = "Order id") @QueryParam("orderId") String orderId,
            @Parameter(description = "PENDING, MANUAL_REVIEW, SUBMITTED, PAID, REJECTED") @QueryParam("status") String status) {
        if (orderId != null && !orderId.isBlank()) {
            return refunds.byOrder(orderId);
        }
        if (status != null && !status.isBlank()) {
            return refunds.byStatus(status);
        }
        return Uni.createFrom().failure(InvalidRequestException.of("orderId", "required"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One refund")
    @APIResponse(responseCode = "404", description = "No such refund")
    public Uni<Refund> get(@PathParam("id") String id) {
        return refunds.get(uuid(id));
    }

    /** A reviewer's decision. */
    public record Review(String actor, String note) {
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a refund under review", description = "It is paid at once.")
    @APIResponse(responseCode = "409", description = "Not under review")
    public Uni<Refund> approve(@PathParam("id") String id, Review review) {
        return refunds.approve(uuid(id), review == null ? null : review.actor(), review == null ? null : review.note());
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a refund under review", description = "Nothing is paid.")
    @APIResponse(responseCode = "409", description = "Not under review")
    public Uni<Refund> reject(@PathParam("id") String id, Review review) {
        return refunds.reject(uuid(id), review == null ? null : review.actor(), review == null ? null : review.note());
    }

    /** The order to check for a duplicate charge. */
    public record DoubleChargeRequest(String orderId, String actor) {
    }

    @POST
    @Path("/double-charges")
    @Operation(summary = "Refund duplicate charges", description = "Checks the order's payment records for a "
            + "successful charge repeated beyond the order total and refunds each duplicate once.")
    public Uni<List<Refund>> doubleCharge(DoubleChargeRequest request) {
        return refunds.resolveDoubleCharge(request == null ? null : request.orderId(),
                request == null ? null : request.actor());
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("id", "invalid_id");
        }
    }
}
