package io.ordercare.routing.agent;

import io.ordercare.routing.event.LiveUpdates;
import io.ordercare.routing.event.LiveUpdates.AgentEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The agent desk: agents, their status, their queue of offered and accepted handoffs, and a live feed. */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agents")
public class AgentResource {

    @Inject
    AgentService agents;

    @Inject
    LiveUpdates live;

    @Inject
    java.time.Clock clock;

    /** Body of a status change. */
    public record StatusChange(String status, Long expectedVersion) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an agent", description = "Skills, languages (zh, en), capacity per channel and status. "
            + "An available agent is offered waiting handoffs at once.")
    @APIResponse(responseCode = "201", description = "Agent created")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with field errors)")
    public Uni<Response> create(AgentRequest request) {
        return agents.create(request).map(a -> Response.created(URI.create("/api/agents/" + a.id())).entity(a).build());
    }

    @GET
    @Operation(summary = "All agents with their capacity and current load per channel")
    public Uni<List<AgentView>> list() {
        return agents.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agent")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<AgentView> get(@PathParam("id") String id) {
        return agents.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an agent's profile and capacity",
            description = "Needs expectedVersion; capacity cannot go below the agent's current load on a channel.")
    @APIResponse(responseCode = "409", description = "Stale expectedVersion")
    public Uni<AgentView> update(@PathParam("id") String id, AgentRequest request) {
        return agents.update(id, request);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the agent AVAILABLE, BUSY or AWAY",
            description = "Only AVAILABLE agents get offers; BUSY ones still count as able to serve their queues, AWAY ones do not.")
    public Uni<AgentView> status(@PathParam("id") String id, StatusChange change) {
        return agents.changeStatus(id, change == null ? null : change.status(), change == null ? null : change.expectedVersion());
    }

    @GET
    @Path("/{id}/queue")
    @Operation(summary = "My queue: the agent's offered and accepted handoffs, oldest first, each with its full context")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<List<AgentService.QueueItem>> queue(@PathParam("id") String id) {
        return agents.queue(id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live updates for the agent desk (server-sent events)",
            description = "First routing.stream-opened, then one JSON event per step that concerns the agent: type (the routing.events type, e.g. "
                    + "routing.assignment-offered), assignmentId, handoffId, conversationId, status, at.")
    public Multi<AgentEvent> events(@PathParam("id") String id) {
        // the first event says the stream is live: steps from then on are not missed
        AgentEvent opened = new AgentEvent("routing.stream-opened", id, null, null, null, null, clock.instant());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(opened), live.forAgent(id));
    }
}
