package io.ordercare.routing.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.routing.assignment.Assignment;
import io.ordercare.routing.assignment.AssignmentService;
import io.ordercare.routing.assignment.AssignmentStatus;
import io.ordercare.routing.assignment.AssignmentView;
import io.ordercare.routing.assignment.Dispatcher;
import io.ordercare.routing.event.RoutingEvents;
import io.ordercare.routing.platform.NotFoundException;
import io.ordercare.routing.platform.Stale;
import io.ordercare.routing.platform.StateConflictException;
import io.ordercare.routing.platform.VersionConflictException;
import io.ordercare.routing.queue.QueueDirectory;
import io.ordercare.routing.routing.QueueChoice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Handoffs from the bot to humans: the request (validated, idempotent, placed in a queue and offered at
 * once when someone can take it), the full context, who owns a conversation, and handing back to the bot.
 */
@ApplicationScoped
public class HandoffService {

    private static final Logger LOG = Logger.getLogger(HandoffService.class);
    private static final List<HandoffStatus> OPEN = List.of(HandoffStatus.WAITING, HandoffStatus.OFFERED,
            HandoffStatus.ACCEPTED);

    @Inject
    Clock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    QueueDirectory queues;

    @Inject
    RoutingEvents events;

    @Inject
    AssignmentService assignments;

    @Inject
    ObjectMapper json;

    /** The handoff, and whether this request created it (false: a repeat of the same key, or the conversation's open one). */
    public record Requested(HandoffView handoff, boolean created) {
    }

    private record Found(Handoff handoff, boolean created) {
    }

    @WithSpan("handoff.request")
    public Uni<Requested> request(HandoffRequest request) {
        return dispatcher.ready().chain(() -> {
            ValidHandoff v = HandoffValidation.validate(request, q -> queues.find(q).isPresent());
            return Panache.withTransaction(() -> existing(v).chain(found -> found != null
                    ? Uni.createFrom().item(new Found(found, false))
                    : create(v).map(h -> new Found(h, true))))
                    // a concurrent duplicate won the race for the unique key: return what it stored
                    .onFailure(Stale::isUniqueViolation).recoverWithUni(e -> Panache.withSession(() -> existing(v))
                            .onItem().ifNull().failWith(e).map(h -> new Found(h, false)));
        }).chain(found -> {
            if (!found.created()) {
                return Uni.createFrom().item(found);
            }
            Handoff h = found.handoff();
            LOG.debugf("handoff %s of conversation %s queued in %s", h.id, h.conversationId, h.queueId);
            return events.publish(RoutingEvents.HANDOFF_QUEUED, h, null, null)
                    .chain(() -> dispatcher.enqueueAndDispatch(h)).replaceWith(found);
        }).chain(found -> get(found.handoff().id).map(view -> new Requested(view, found.created())));
    }

    private Uni<Handoff> existing(ValidHandoff v) {
        return Handoff.<Handoff>find("idempotencyKey", v.idempotencyKey()).firstResult()
                .chain(h -> h != null ? Uni.createFrom().item(h)
                        : Handoff.<Handoff>find("conversationId = ?1 and status in ?2", v.conversationId(), OPEN).firstResult());
    }

    private Uni<Handoff> create(ValidHandoff v) {
        Instant now = clock.instant();
        Handoff h = new Handoff();
        h.id = UUID.randomUUID().toString();
        h.idempotencyKey = v.idempotencyKey();
        h.conversationId = v.conversationId();
        h.customerId = v.customerId();
        h.language = v.language();
        h.customerValue = v.customerValue();
        h.channel = v.channel();
        h.orderId = v.orderId();
        h.orderCategory = v.orderCategory();
        h.intent = v.intent();
        h.summary = v.summary();
        h.transcript = toJson(v.transcript());
        h.sentiment = v.sentiment();
        h.urgency = v.urgency();
        h.skillExpression = v.skillExpression();
        h.queueId = dispatcher.placeIn(QueueChoice.queueFor(v.queue(), v.orderCategory(), v.intent(), v.customerValue()),
                v.skillExpression(), v.language(), v.channel());
        h.status = HandoffStatus.WAITING;
        h.declinedBy = "";
        h.createdAt = now;
        h.queuedAt = now;
        return h.persist().chain(() -> Panache.flush()).replaceWith(h);
    }

    public Uni<HandoffView> get(String id) {
        return Panache.withSession(() -> Handoff.<Handoff>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("handoff", id))
                .chain(h -> Assignment.<Assignment>list("handoffId = ?1 order by offeredAt", id).map(as -> view(h, as))));
    }

    /** The conversation's open handoff, if any: while there is one, a human owns the conversation. */
    public Uni<HandoffView> openFor(String conversationId) {
        return Panache.withSession(() -> Handoff.<Handoff>find("conversationId = ?1 and status in ?2", conversationId, OPEN)
                .firstResult()).chain(h -> h == null ? Uni.createFrom().nullItem() : get(h.id));
    }

    /**
     * Gives the conversation back to the bot: a waiting handoff is withdrawn, an offered or accepted one
     * ends its assignment ({@code routing.handed-back} either way).
     */
    @WithSpan("handoff.hand-back")
    public Uni<HandoffView> handBack(@SpanAttribute("handoff.id") String id, Long expectedVersion, String actor, String note) {
        String by = actor == null || actor.isBlank() ? null : actor.strip();
        return dispatcher.ready().chain(() -> Panache.withTransaction(() -> Handoff.<Handoff>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("handoff", id))
                .chain(h -> {
                    if (expectedVersion != null && h.version != expectedVersion) {
                        return Uni.createFrom().failure(new VersionConflictException("handoff", id, expectedVersion));
                    }
                    if (!h.status.isOpen()) {
                        return Uni.createFrom().failure(new StateConflictException("handoff", id, h.status.name(), "hand-back"));
                    }
                    if (h.status != HandoffStatus.WAITING) {
                        return Assignment.<Assignment>find("handoffId = ?1 and status in ?2", id,
                                List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED)).firstResult()
                                .map(a -> new Object[] { h, a });
                    }
                    h.status = HandoffStatus.HANDED_BACK;
                    h.closedAt = clock.instant();
                    return Panache.flush().replaceWith(new Object[] { h, null });
                })))
                .onFailure(Stale::is).transform(e -> new VersionConflictException("handoff", id,
                        expectedVersion == null ? -1 : expectedVersion))
                .chain(pair -> {
                    Handoff h = (Handoff) pair[0];
                    Assignment live = (Assignment) pair[1];
                    if (live != null) {
                        return assignments.handBack(live.id, null, note).replaceWithVoid();
                    }
                    dispatcher.router().withdraw(h.id);
                    return events.publish(RoutingEvents.HANDED_BACK, h, null, d -> {
                        if (by != null) {
                            d.put("handedBackBy", by);
                        }
                        if (note != null && !note.isBlank()) {
                            d.put("note", note.strip());
                        }
                    });
                }).chain(() -> get(id));
    }

    HandoffView view(Handoff h, List<Assignment> as) {
        return new HandoffView(h.id, h.idempotencyKey, h.conversationId,
                new HandoffView.Customer(h.customerId, h.language, h.customerValue.name()), h.channel.name(),
                h.orderId == null && h.orderCategory == null ? null : new HandoffView.Order(h.orderId, h.orderCategory),
                h.intent, h.summary, fromJson(h.transcript), h.sentiment, h.urgency.name(), h.queueId, h.skillExpression,
                h.status.name(), h.agentId, h.createdAt, h.queuedAt, h.callbackOfferedAt, h.closedAt, h.version,
                as.stream().map(AssignmentView::of).toList());
    }

    private String toJson(List<Turn> turns) {
        try {
            return json.writeValueAsString(turns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript not serialisable", e);
        }
    }

    private List<Turn> fromJson(String s) {
        try {
            return s == null ? List.of() : json.readValue(s, new TypeReference<List<Turn>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored transcript unreadable", e);
        }
    }
}
