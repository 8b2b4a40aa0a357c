package io.ordercare.routing.event;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The agent desk's live feed: every step that concerns an agent (an offer, its acceptance, a transfer
 * away, ...), pushed to the agent's open server-sent-event streams. Only ids and statuses travel here;
 * the desk reads the context with GET /api/handoffs/{id}.
 */
@ApplicationScoped
public class LiveUpdates {

    /** One step for one agent. {@code type} is the routing.events type, e.g. routing.assignment-offered. */
    public record AgentEvent(String type, String agentId, String assignmentId, String handoffId, String conversationId,
            String status, Instant at) {
    }

    // serialized: steps are published from many threads at once
    private final java.util.concurrent.Flow.Processor<AgentEvent, AgentEvent> events = BroadcastProcessor.<AgentEvent>create()
            .serialized();

    void publish(AgentEvent e) {
        events.onNext(e);
    }

    public Multi<AgentEvent> forAgent(String agentId) {
        return Multi.createFrom().publisher(events).filter(e -> agentId.equals(e.agentId()));
    }
}
