package io.ordercare.routing.assignment;

import io.ordercare.routing.handoff.HandoffService;
import io.ordercare.routing.handoff.HandoffView;
import io.ordercare.routing.platform.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agent's steps on an assignment. Each answers with the handoff's full context as it stands after
 * the step. expectedVersion is optional (the assignment's version); a stale one gets 409, as does a step
 * the assignment's state does not allow.
 */
@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assignments")
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @Inject
    HandoffService handoffs;

    /** Body of accept, reject, resolve and hand-back. */
    public record StepRequest(Long expectedVersion, String note) {
    }

    /** Body of a transfer: exactly one of toAgentId and toQueue. */
    public record TransferRequest(Long expectedVersion, String toAgentId, String toQueue, String note) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One assignment")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public Uni<AssignmentView> get(@PathParam("id") String id) {
        return Panache.withSession(() -> Assignment.<Assignment>findById(id))
                .onItem().ifNull().failWith(() -> new NotFoundException("assignment", id)).map(AssignmentView::of);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Accept an offer: the agent now talks to the customer")
    @APIResponse(responseCode = "409", description = "Not an open offer any more (rejected, timed out ...), or stale version")
    public Uni<HandoffView> accept(@PathParam("id") String id, StepRequest body) {
        return assignments.accept(id, version(body)).chain(s -> handoffs.get(s.handoff().id));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject an offer: it is re-offered to another agent")
    public Uni<HandoffView> reject(@PathParam("id") String id, StepRequest body) {
        return assignments.reject(id, version(body), note(body)).chain(s -> handoffs.get(s.handoff().id));
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Close an accepted handoff as resolved")
    public Uni<HandoffView> resolve(@PathParam("id") String id, StepRequest body) {
        return assignments.resolve(id, version(body), note(body)).chain(s -> handoffs.get(s.handoff().id));
    }

    @POST
    @Path("/{id}/hand-back")
    @Operation(summary = "Hand the conversation back to the bot", description = "The note tells the bot what is left to do.")
    public Uni<HandoffView> handBack(@PathParam("id") String id, StepRequest body) {
        return assignments.handBack(id, version(body), note(body)).chain(s -> handoffs.get(s.handoff().id));
    }

    @POST
    @Path("/{id}/transfer")
    @Operation(summary = "Transfer an accepted handoff to another agent or queue, with its full context",
            description = "To an agent: offered to them at once (they must be available with a free slot on the channel). "
                    + "To a queue: waits there and is offered by priority.")
    @APIResponse(responseCode = "400", description = "Neither or both of toAgentId and toQueue, or an unknown queue")
    @APIResponse(responseCode = "409", description = "Target agent has no free slot, or the assignment is not accepted")
    public Uni<HandoffView> transfer(@PathParam("id") String id, TransferRequest body) {
        TransferRequest b = body == null ? new TransferRequest(null, null, null, null) : body;
        return assignments.transfer(id, b.expectedVersion(), b.toAgentId(), b.toQueue(), b.note())
                .chain(s -> handoffs.get(s.handoff().id));
    }

    private static Long version(StepRequest body) {
        return body == null ? null : body.expectedVersion();
    }

    private static String note(StepRequest body) {
        return body == null ? null : body.note();
    }
}
