package io.ordercare.returns.policy;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The return policies as data: every version, and new versions. */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Return policies per platform and category, versioned")
public class PolicyResource {

    @Inject
    PolicyCatalog catalog;

    @GET
    @Operation(summary = "List policies", description = "Every version of every policy with its effective dates. "
            + "'*' as platform or category means any. An order is governed by the most specific policy in force "
            + "when it was placed.")
    public Uni<List<ReturnPolicy>> list() {
        return catalog.all();
    }

    @POST
    @Operation(summary = "Publish a policy version", description = "Adds the next version for the platform and "
            + "category, effective from effectiveFrom (default now); the version in force until then ends there.")
    @APIResponse(responseCode = "201", description = "The new version")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed")
    public Uni<Response> create(PolicyCatalog.NewPolicy policy) {
        return catalog.create(policy).map(p -> Response.status(201).entity(p).build());
    }
}
