package io.ordercare.returns.priceprotection;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Price protection claims (价保). */
@Path("/api/price-protection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Price protection", description = "Refund of a price drop within the policy's window")
public class PriceProtectionResource {

    @Inject
    PriceProtectionService service;

    @POST
    @Operation(summary = "Claim price protection", description = "The item's price dropped to currentUnitPriceMinor "
            + "within the policy's price-protection window (days from purchase): the difference to the price paid "
            + "(kept in a snapshot) times the units still kept is refunded, once per item; a second claim returns "
            + "the first refund (200).")
    @APIResponse(responseCode = "201", description = "The refund")
    @APIResponse(responseCode = "200", description = "The refund granted earlier for this item")
    @APIResponse(responseCode = "409", description = "Outside the window, no drop, not covered, nothing kept")
    public Uni<Response> claim(PriceProtectionService.Claim claim) {
        return service.claim(claim).map(i -> Response.status(i.created() ? 201 : 200).entity(i.refund()).build());
    }
}
