package io.ordercare.routing.handoff;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Handoffs: request one (the same as the gRPC RequestHandoff), read its full context, hand it back to the bot. */
@Path("/api/handoffs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "handoffs")
public class HandoffResource {

    @Inject
    HandoffService handoffs;

    /** Body of a hand-back: the version read (optional), who hands back and a note for the bot. */
    public record HandBackRequest(Long expectedVersion, String actor, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand a conversation to a human agent",
            description = "Queues it (queue from the order category, customer value and intent unless given) and offers it "
                    + "at once when a qualified agent has a free slot. Idempotent on idempotencyKey; a conversation has at "
                    + "most one open handoff.")
    @APIResponse(responseCode = "201", description = "Handoff created (status WAITING or OFFERED)")
    @APIResponse(responseCode = "200", description = "Already known (same key, or the conversation's open handoff); nothing changed")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with field errors); nothing stored")
    public Uni<Response> request(HandoffRequest request) {
        return handoffs.request(request).map(r -> r.created()
                ? Response.created(URI.create("/api/handoffs/" + r.handoff().id())).entity(r.handoff()).build()
                : Response.ok(r.handoff()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The full context of a handoff",
            description = "Customer, channel, order, intent, summary, transcript, sentiment, urgency, queue, status and "
                    + "every assignment it went through.")
    @APIResponse(responseCode = "404", description = "No such handoff")
    public Uni<HandoffView> get(@PathParam("id") String id) {
        return handoffs.get(id);
    }

    @POST
    @Path("/{id}/hand-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the conversation back to the bot",
            description = "Withdraws a waiting handoff or ends its offered/accepted assignment; routing.handed-back follows.")
    @APIResponse(responseCode = "409", description = "Already closed, or a stale expectedVersion")
    public Uni<HandoffView> handBack(@PathParam("id") String id, HandBackRequest body) {
        return handoffs.handBack(id, body == null ? null : body.expectedVersion(), body == null ? null : body.actor(),
                body == null ? null : body.note());
    }
}
