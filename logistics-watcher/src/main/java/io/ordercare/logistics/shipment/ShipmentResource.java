package io.ordercare.logistics.shipment;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST mirror of the gRPC {@code ShipmentService}. Errors are problem+json in English or Chinese. */
@Path("/api/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Parcels on their way, their scans, predictions and alerts")
public class ShipmentResource {

    @Inject
    ShipmentService shipments;

    @GET
    @Operation(summary = "Track parcels", description = "The shipments of an order (outbound and returns), or the "
            + "parcel with a tracking number, each with every scan (oldest first), the latest prediction and the "
            + "alerts raised. One of orderId or trackingNumber is required.")
    @APIResponse(responseCode = "200", description = "The shipments found")
    @APIResponse(responseCode = "400", description = "Neither orderId nor trackingNumber given")
    @APIResponse(responseCode = "404", description = "Nothing matches")
    public Uni<List<ShipmentView>> track(
            @Parameter(description = "Order id, e.g. OC10000001") @QueryParam("orderId") String orderId,
            @Parameter(description = "Carrier tracking number") @QueryParam("trackingNumber") String trackingNumber,
            @Parameter(description = "Carrier code (SF, JD, YTO, UPS ...), to tell numbers of two carriers apart")
            @QueryParam("carrier") String carrier) {
        if (orderId != null && !orderId.isBlank()) {
            return shipments.byOrder(orderId);
        }
        return shipments.byTrackingNumber(trackingNumber, carrier);
    }

    /** A return parcel to watch: returns-service (or an agent) registers the tracking number of a return. */
    public record ReturnParcelRequest(String returnId, String orderId, String carrier, String trackingNumber,
            String origin, String destination) {
    }

    @POST
    @Path("/returns")
    @Operation(summary = "Watch a return parcel", description = "Starts tracking the parcel of a return request; "
            + "its scans are then published on logistics.return-scans. Registering the same carrier and tracking "
            + "number again returns the parcel already watched.")
    @APIResponse(responseCode = "200", description = "The return parcel with its track so far")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed")
    public Uni<ShipmentView> registerReturn(ReturnParcelRequest request) {
        if (request == null) {
            return Uni.createFrom().failure(io.ordercare.platform.InvalidRequestException.of("body", "required"));
        }
        return shipments.registerReturn(request.returnId(), request.orderId(), request.carrier(),
                request.trackingNumber(), request.origin(), request.destination());
    }
}
