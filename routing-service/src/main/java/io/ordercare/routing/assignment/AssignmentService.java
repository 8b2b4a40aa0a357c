package io.ordercare.routing.assignment;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.routing.agent.Agent;
import io.ordercare.routing.agent.AgentChannel;
import io.ordercare.routing.event.RoutingEvents;
import io.ordercare.routing.handoff.Handoff;
import io.ordercare.routing.handoff.HandoffStatus;
import io.ordercare.routing.platform.NoCapacityException;
import io.ordercare.routing.platform.NotFoundException;
import io.ordercare.routing.platform.RoutingConfig;
import io.ordercare.routing.platform.Stale;
import io.ordercare.routing.platform.StateConflictException;
import io.ordercare.routing.platform.VersionConflictException;
import io.ordercare.routing.queue.QueueDirectory;
import io.ordercare.routing.queue.QueueMetrics;
import io.ordercare.routing.routing.Channel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The steps of an assignment: accept, reject, time out, resolve, transfer (to an agent or a queue, the
 * handoff's context goes along untouched), hand back to the bot. Each runs in one transaction with the
 * handoff it belongs to and the agent's slot; after the commit the router learns of freed slots, the
 * handoff is re-offered where needed and the step goes out on {@code routing.events}.
 */
@ApplicationScoped
public class AssignmentService {

    private static final Logger LOG = Logger.getLogger(AssignmentService.class);
    private static final int MAX_NOTE = 2000;

    @Inject
    Clock clock;

    @Inject
    RoutingConfig config;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RoutingEvents events;

    @Inject
    QueueDirectory queues;

    @Inject
    QueueMetrics metrics;

    /** An assignment after a step, with its handoff (and the next assignment, for transfers to an agent). */
    public record Step(Assignment assignment, Handoff handoff, Assignment next) {
    }

    private interface Mutation {
        Uni<?> apply(Assignment a, Handoff h, Instant now);
    }

    @WithSpan("assignment.accept")
    public Uni<Step> accept(@SpanAttribute("assignment.id") String id, Long expectedVersion) {
        return step(id, expectedVersion, "accept", Set.of(AssignmentStatus.OFFERED), (a, h, now) -> {
            a.status = AssignmentStatus.ACCEPTED;
            a.acceptedAt = now;
            h.status = HandoffStatus.ACCEPTED;
            return Uni.createFrom().voidItem();
        }).call(s -> {
            metrics.accepted(s.handoff().queueId, Duration.between(s.handoff().queuedAt, s.assignment().acceptedAt));
            return events.publish(RoutingEvents.ACCEPTED, s.handoff(), s.assignment(), null);
        });
    }

    @WithSpan("assignment.reject")
    public Uni<Step> reject(@SpanAttribute("assignment.id") String id, Long expectedVersion, String note) {
        return decline(id, expectedVersion, "reject", AssignmentStatus.REJECTED, note(note), false);
    }

    /** Times out the offer if it is still open and expired by now; the handoff is re-offered to someone else. */
    @WithSpan("assignment.time-out")
    public Uni<Step> timeOut(@SpanAttribute("assignment.id") String id) {
        return decline(id, null, "time-out", AssignmentStatus.TIMED_OUT, null, true);
    }

    @WithSpan("assignment.resolve")
    public Uni<Step> resolve(@SpanAttribute("assignment.id") String id, Long expectedVersion, String note) {
        String n = note(note);
        return step(id, expectedVersion, "resolve", Set.of(AssignmentStatus.ACCEPTED), (a, h, now) -> {
            end(a, AssignmentStatus.RESOLVED, now, n);
            h.status = HandoffStatus.RESOLVED;
            h.closedAt = now;
            return AgentChannel.free(a.agentId, a.channel);
        }).call(s -> events.publish(RoutingEvents.RESOLVED, s.handoff(), s.assignment(), null))
                .call(s -> released(s.assignment()));
    }

    @WithSpan("assignment.hand-back")
    public Uni<Step> handBack(@SpanAttribute("assignment.id") String id, Long expectedVersion, String note) {
        String n = note(note);
        return step(id, expectedVersion, "hand-back", Set.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED),
                (a, h, now) -> {
                    end(a, AssignmentStatus.HANDED_BACK, now, n);
                    h.status = HandoffStatus.HANDED_BACK;
                    h.closedAt = now;
                    return AgentChannel.free(a.agentId, a.channel);
                }).call(s -> events.publish(RoutingEvents.HANDED_BACK, s.handoff(), s.assignment(), null))
                .call(s -> released(s.assignment()));
    }

    /**
     * Moves an accepted handoff to another agent (offered to them at once; they must be available with a
     * free slot on the channel) or to another queue (waits there, re-offered by priority). The handoff's
     * context (transcript, order, summary ...) is the same row throughout.
     */
    @WithSpan("assignment.transfer")
    public Uni<Step> transfer(@SpanAttribute("assignment.id") String id, Long expectedVersion, String toAgentId, String toQueue,
            String note) {
        String agent = blankToNull(toAgentId);
        String queue = blankToNull(toQueue);
        List<FieldError> errors = new ArrayList<>();
        if ((agent == null) == (queue == null)) {
            errors.add(new FieldError("toAgentId|toQueue", "exactly_one", null));
        }
        if (queue != null && queues.find(queue).isEmpty()) {
            errors.add(new FieldError("toQueue", "unknown_queue", queue));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "too_long", null));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        return agent != null ? transferToAgent(id, expectedVersion, agent, note) : transferToQueue(id, expectedVersion, queue, note);
    }

    private Uni<Step> transferToAgent(String id, Long expectedVersion, String toAgent, String note) {
        Channel[] reserved = new Channel[1];
        Assignment[] next = new Assignment[1];
        return step(id, expectedVersion, "transfer", Set.of(AssignmentStatus.ACCEPTED), (a, h, now) -> {
            if (toAgent.equals(a.agentId)) {
                return Uni.createFrom().failure(new InvalidRequestException(List.of(
                        new FieldError("toAgentId", "same_agent", toAgent))));
            }
            return Agent.findById(toAgent).chain(target -> {
                if (target == null) {
                    return Uni.createFrom().failure(new NotFoundException("agent", toAgent));
                }
                if (!dispatcher.router().reserve(toAgent, a.channel)) {
                    return Uni.createFrom().failure(new NoCapacityException(toAgent, a.channel.name()));
                }
                reserved[0] = a.channel;
                return AgentChannel.claim(toAgent, a.channel).chain(claimed -> {
                    if (!claimed) {
                        return Uni.createFrom().failure(new NoCapacityException(toAgent, a.channel.name()));
                    }
                    end(a, AssignmentStatus.TRANSFERRED, now, note);
                    Assignment offer = dispatcher.newOffer(h, toAgent, a.channel);
                    next[0] = offer;
                    h.status = HandoffStatus.OFFERED;
                    h.agentId = toAgent;
                    // the old assignment must be ended in the database before the new live one is inserted
                    // (one live assignment per handoff); Hibernate would otherwise insert first
                    return Panache.flush().chain(() -> AgentChannel.free(a.agentId, a.channel))
                            .chain(() -> offer.persist());
                });
            });
        }).onFailure().invoke(e -> {
            if (reserved[0] != null) {
                dispatcher.router().release(toAgent, reserved[0]);
            }
        }).map(s -> new Step(s.assignment(), s.handoff(), next[0]))
                .call(s -> events.publish(RoutingEvents.TRANSFERRED, s.handoff(), s.assignment(),
                        d -> d.put("toAgentId", toAgent)))
                .call(s -> events.publish(RoutingEvents.OFFERED, s.handoff(), s.next(), d -> d.put("transferredFrom",
                        s.assignment().agentId)))
                .call(s -> released(s.assignment()));
    }

    private Uni<Step> transferToQueue(String id, Long expectedVersion, String toQueue, String note) {
        return step(id, expectedVersion, "transfer", Set.of(AssignmentStatus.ACCEPTED), (a, h, now) -> {
            end(a, AssignmentStatus.TRANSFERRED, now, note);
            h.status = HandoffStatus.WAITING;
            h.agentId = null;
            // the transferring agent passed it on: not offered back to them
            h.decline(a.agentId);
            h.queueId = dispatcher.placeIn(toQueue, h.skillExpression, h.language, h.channel);
            h.queuedAt = now;
            return AgentChannel.free(a.agentId, a.channel);
        }).call(s -> events.publish(RoutingEvents.TRANSFERRED, s.handoff(), s.assignment(), d -> d.put("toQueue", toQueue)))
                .call(s -> {
                    dispatcher.router().release(s.assignment().agentId, s.assignment().channel);
                    return dispatcher.enqueueAndDispatch(s.handoff());
                })
                .call(s -> dispatcher.dispatchAgent(s.assignment().agentId));
    }

    /** Offers that are still open past their expiry time out (oldest first, at most a batch per call). */
    public Uni<Integer> timeOutExpired(Instant now) {
        return Panache.withSession(() -> Assignment.<Assignment>find("status = ?1 and offerExpiresAt <= ?2 order by offerExpiresAt",
                AssignmentStatus.OFFERED, now).page(0, config.sweepBatch()).list())
                .chain(expired -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Assignment a : expired) {
                        chain = chain.chain(n -> timeOut(a.id).map(s -> n + 1)
                                .onFailure().recoverWithItem(e -> {
                                    LOG.debugf("time-out of assignment %s skipped: %s", a.id, e.getMessage());
                                    return n;
                                }));
                    }
                    return chain;
                });
    }

    // ---------------------------------------------------------------------------------------------

    private Uni<Step> decline(String id, Long expectedVersion, String action, AssignmentStatus outcome, String note,
            boolean onlyIfExpired) {
        return step(id, expectedVersion, action, Set.of(AssignmentStatus.OFFERED), (a, h, now) -> {
            if (onlyIfExpired && a.offerExpiresAt.isAfter(now)) {
                return Uni.createFrom().failure(new StateConflictException("assignment", id, a.status.name(), action));
            }
            end(a, outcome, now, note);
            h.status = HandoffStatus.WAITING;
            h.agentId = null;
            h.decline(a.agentId);
            return AgentChannel.free(a.agentId, a.channel);
        }).call(s -> events.publish(outcome == AssignmentStatus.REJECTED ? RoutingEvents.REJECTED : RoutingEvents.TIMED_OUT,
                s.handoff(), s.assignment(), null))
                .call(s -> {
                    dispatcher.router().release(s.assignment().agentId, s.assignment().channel);
                    // re-offered elsewhere first, then the freed slot is filled with someone else's handoff
                    return dispatcher.enqueueAndDispatch(s.handoff());
                })
                .call(s -> dispatcher.dispatchAgent(s.assignment().agentId));
    }

    private Uni<Void> released(Assignment a) {
        dispatcher.router().release(a.agentId, a.channel);
        return dispatcher.dispatchAgent(a.agentId);
    }

    private Uni<Step> step(String id, Long expectedVersion, String action, Set<AssignmentStatus> allowed, Mutation mutation) {
        return dispatcher.ready().chain(() -> Panache.withTransaction(() -> Assignment.<Assignment>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("assignment", id))
                .chain(a -> {
                    if (expectedVersion != null && a.version != expectedVersion) {
                        return Uni.createFrom().failure(new VersionConflictException("assignment", id, expectedVersion));
                    }
                    if (!allowed.contains(a.status)) {
                        return Uni.createFrom().failure(new StateConflictException("assignment", id, a.status.name(), action));
                    }
                    return Handoff.<Handoff>findById(a.handoffId)
                            .chain(h -> mutation.apply(a, h, clock.instant())
                                    .chain(() -> Panache.flush())
                                    .replaceWith(() -> new Step(a, h, null)));
                })))
                .onFailure(Stale::is).transform(e -> new VersionConflictException("assignment", id,
                        expectedVersion == null ? -1 : expectedVersion));
    }

    private static void end(Assignment a, AssignmentStatus status, Instant now, String note) {
        a.status = status;
        a.endedAt = now;
        if (note != null) {
            a.note = note;
        }
    }

    private static String note(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidRequestException(List.of(new FieldError("note", "too_long", null)));
        }
        return blankToNull(note);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
