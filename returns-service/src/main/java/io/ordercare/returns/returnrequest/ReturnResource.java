package io.ordercare.returns.returnrequest;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST mirror of the return requests of gRPC {@code ReturnsService}. Errors are problem+json in English or Chinese. */
@Path("/api/returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Returns", description = "Return and exchange requests (RMA): eligibility, pickup, inspection")
public class ReturnResource {

    @Inject
    ReturnService returns;

    @POST
    @Path("/eligibility")
    @Operation(summary = "Check eligibility", description = "Whether the items (none = all) may be returned or "
            + "exchanged for the reason given, and why: the deciding rule with a sentence in English and Chinese, "
            + "per item the rule, the policy applied and the deadline, who pays return shipping, and the refund a "
            + "return would bring. Writes nothing.")
    @APIResponse(responseCode = "200", description = "The explained answer (eligible or not)")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "503", description = "order-gateway unreachable")
    public Uni<EligibilityView> eligibility(ReturnService.ReturnCommand request) {
        return returns.check(request);
    }

    @POST
    @Operation(summary = "Request a return or exchange", description = "Creates the return request; the policy "
            + "decides at once: APPROVED, or REJECTED with the explanation. requestId makes the call idempotent.")
    @APIResponse(responseCode = "201", description = "The return request, approved or rejected")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed; nothing written")
    @APIResponse(responseCode = "404", description = "No such order")
    public Uni<Response> request(ReturnService.ReturnCommand request) {
        return returns.request(request).map(r -> Response.status(201).entity(r).build());
    }

    @GET
    @Operation(summary = "Returns of an order", description = "Oldest first, each with its history.")
    public Uni<List<ReturnView>> byOrder(@Parameter(description = "Order id") @QueryParam("orderId") String orderId) {
        return returns.byOrder(orderId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One return")
    @APIResponse(responseCode = "404", description = "No such return")
    public Uni<ReturnView> get(@PathParam("id") String id) {
        return returns.get(id);
    }

    @POST
    @Path("/{id}/pickup")
    @Operation(summary = "Schedule the pickup", description = "Books the pickup of an APPROVED return in a slot "
            + "(ISO-8601 instants, at most 4 hours, within 14 days) with the return parcel's carrier and tracking "
            + "number. The parcel is registered with logistics-watcher, whose scans then move the return: "
            + "PICKED_UP/IN_TRANSIT → IN_TRANSIT, DELIVERED at the warehouse → RECEIVED.")
    @APIResponse(responseCode = "200", description = "The return, PICKUP_SCHEDULED")
    @APIResponse(responseCode = "409", description = "Not APPROVED, or the parcel belongs to another return")
    public Uni<ReturnView> pickup(@PathParam("id") String id, ReturnService.PickupCommand request) {
        return returns.schedulePickup(id, request);
    }

    @POST
    @Path("/{id}/inspection")
    @Operation(summary = "Record the inspection", description = "Of a RECEIVED return. Passed: a return is refunded "
            + "(prorated, once; to manual review when large or while order-gateway is unreachable); an exchange "
            + "waits for its replacement. Failed: closed without refund.")
    @APIResponse(responseCode = "200", description = "The return, INSPECTED (or CLOSED)")
    @APIResponse(responseCode = "409", description = "Not RECEIVED")
    public Uni<ReturnView> inspection(@PathParam("id") String id, ReturnService.InspectionCommand request) {
        return returns.inspect(id, request);
    }

    @POST
    @Path("/{id}/exchange-shipment")
    @Operation(summary = "Ship the replacement", description = "Of an inspected exchange. The replacement SKU must "
            + "be in stock in order-gateway's inventory snapshot (available ≥ the exchanged quantity). A negative "
            + "priceDifferenceMinor (cheaper replacement) is refunded once; a positive one (dearer) is charged once "
            + "to the original payment method (to manual review above the threshold). The same shipment sent again "
            + "answers the return unchanged.")
    @APIResponse(responseCode = "200", description = "The return, EXCHANGE_SHIPPED, with refundId or chargeId")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed; nothing written")
    @APIResponse(responseCode = "409", description = "Not an inspected exchange, or replacement-out-of-stock "
            + "(SKU, needed, available); nothing written")
    @APIResponse(responseCode = "503", description = "order-gateway unreachable (stock unknown); nothing written")
    public Uni<ReturnView> exchange(@PathParam("id") String id, ReturnService.ExchangeShipment request) {
        return returns.shipExchange(id, request);
    }

    /** Who closes the return. */
    public record CloseRequest(String actor) {
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close the return", description = "After its refund or exchange (or to cancel an approved "
            + "return never sent).")
    public Uni<ReturnView> close(@PathParam("id") String id, CloseRequest request) {
        return returns.close(id, request == null ? null : request.actor());
    }
}
