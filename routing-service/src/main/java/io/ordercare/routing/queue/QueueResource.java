package io.ordercare.routing.queue;

import io.ordercare.routing.assignment.Dispatcher;
import io.ordercare.routing.routing.Router.QueueLoad;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The queues with their rules and how they stand now (surge view for supervisors). */
@Path("/api/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queues")
public class QueueResource {

    @Inject
    QueueDirectory queues;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Clock clock;

    public record QueueView(String id, String nameEn, String nameZh, String skillExpression, boolean languageRequired,
            int slaSeconds, String fallbackQueue, int depth, long oldestWaitSeconds) {
    }

    @GET
    @Operation(summary = "Every queue: who may serve it, its SLA and fallback, how many wait and for how long")
    public List<QueueView> list() {
        var loads = dispatcher.router().queueLoads();
        return queues.all().stream().map(q -> {
            QueueLoad l = loads.get(q.id());
            return new QueueView(q.id(), q.nameEn(), q.nameZh(), q.expression().toString(), q.languageRequired(),
                    q.slaSeconds(), q.fallbackQueueId(), l == null ? 0 : l.depth(),
                    l == null ? 0 : Math.max(0, Duration.between(l.oldest(), clock.instant()).getSeconds()));
        }).toList();
    }
}
