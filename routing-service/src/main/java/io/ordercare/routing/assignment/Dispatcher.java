package io.ordercare.routing.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ordercare.routing.agent.Agent;
import io.ordercare.routing.agent.AgentChannel;
import io.ordercare.routing.event.RoutingEvents;
import io.ordercare.routing.handoff.Handoff;
import io.ordercare.routing.handoff.HandoffStatus;
import io.ordercare.routing.platform.RoutingConfig;
import io.ordercare.routing.queue.QueueDirectory;
import io.ordercare.routing.queue.QueueDirectory.QueueDef;
import io.ordercare.routing.routing.AgentSnapshot;
import io.ordercare.routing.routing.Channel;
import io.ordercare.routing.routing.Match;
import io.ordercare.routing.routing.Priority;
import io.ordercare.routing.routing.QueueChoice;
import io.ordercare.routing.routing.Router;
import io.ordercare.routing.routing.SkillExpression;
import io.ordercare.routing.routing.Waiting;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Connects the in-memory {@link Router} with the database: loads the roster and the waiting handoffs at
 * start, asks the router for decisions (timed: {@code routing.decision}) and turns each into an offer,
 * claiming the agent's slot with a conditional update in the same transaction that writes the
 * assignment. A claim the database refuses (the in-memory view was stale) is released, the agent
 * reloaded and the handoff routed again.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int ATTEMPTS = 3;

    @Inject
    Clock clock;

    @Inject
    RoutingConfig config;

    @Inject
    QueueDirectory queues;

    @Inject
    RoutingEvents events;

    @Inject
    MeterRegistry registry;

    private final Router router = new Router();
    private Priority priority;
    private Timer decisions;
    private volatile boolean loaded;
    private Uni<Void> loading;

    /** The database refused the slot the router reserved: the in-memory load was behind. */
    static final class ClaimRefused extends RuntimeException {
        ClaimRefused() {
            super("slot claim refused", null, false, false);
        }
    }

    /** The handoff is no longer waiting (handed back, or offered elsewhere) by the time of the offer. */
    static final class NotWaiting extends RuntimeException {
        NotWaiting() {
            super("handoff no longer waiting", null, false, false);
        }
    }

    @PostConstruct
    void init() {
        priority = Priority.defaults().withAging(config.agingPointsPerMinute());
        decisions = Timer.builder("routing.decision")
                .description("Time to take one routing decision in memory, including the wait for the router's lock")
                .publishPercentiles(0.5, 0.99, 0.999)
                // cumulative buckets from 1 us to 100 ms: percentiles over any interval from two scrapes
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(100))
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .distributionStatisticBufferLength(3)
                .register(registry);
    }

    void onStart(@Observes StartupEvent e) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ready().chain(this::fillFreeAgents));
        LOG.infof("routing: %d agents, %d handoffs waiting", router.agentCount(), router.waitingCount());
    }

    public Router router() {
        return router;
    }

    public Priority priority() {
        return priority;
    }

    // ---- loading -------------------------------------------------------------------------------

    /** Completes once the queues, the roster and the waiting handoffs are in memory. */
    public synchronized Uni<Void> ready() {
        if (loaded) {
            return Uni.createFrom().voidItem();
        }
        if (loading == null) {
            loading = load().invoke(() -> loaded = true)
                    .onFailure().invoke(() -> {
                        synchronized (this) {
                            loading = null;
                        }
                    }).memoize().indefinitely();
        }
        return loading;
    }

    private Uni<Void> load() {
        return queues.load().chain(() -> Panache.withSession(() -> Agent.<Agent>listAll()
                .chain(agents -> AgentChannel.<AgentChannel>listAll().invoke(channels -> {
                    Map<String, List<AgentChannel>> byAgent = new HashMap<>();
                    channels.forEach(c -> byAgent.computeIfAbsent(c.agentId, k -> new java.util.ArrayList<>()).add(c));
                    agents.forEach(a -> router.putAgent(snapshot(a, byAgent.getOrDefault(a.id, List.of()))));
                }))
                .chain(() -> Handoff.<Handoff>list("status", HandoffStatus.WAITING))
                .invoke(waiting -> waiting.forEach(h -> router.enqueue(waitingOf(h))))
                .replaceWithVoid()));
    }

    public static AgentSnapshot snapshot(Agent a, List<AgentChannel> channels) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        Map<Channel, Integer> active = new EnumMap<>(Channel.class);
        for (AgentChannel c : channels) {
            capacity.put(c.channel, c.capacity);
            active.put(c.channel, c.active);
        }
        return new AgentSnapshot(a.id, a.skillSet(), a.languageSet(), a.status, capacity, active);
    }

    /** Reads one agent again (after a refused claim, or a change by another instance). */
    public Uni<Void> reloadAgent(String agentId) {
        return Panache.withSession(() -> Agent.<Agent>findById(agentId)
                .chain(a -> a == null ? Uni.createFrom().voidItem()
                        : AgentChannel.<AgentChannel>list("agentId", agentId)
                                .invoke(chs -> router.putAgent(snapshot(a, chs))).replaceWithVoid()));
    }

    private Uni<Void> fillFreeAgents() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String agentId : router.agentsWithFreeSlots()) {
            chain = chain.chain(() -> dispatchAgent(agentId));
        }
        return chain;
    }

    // ---- queues and waiting --------------------------------------------------------------------

    /**
     * The queue a handoff waits in: the first of {@code start} and its fallbacks that some agent (not
     * away) qualifies for; the end of the chain when nobody qualifies anywhere.
     */
    public String placeIn(String start, String skillExpression, String language, Channel channel) {
        SkillExpression own = SkillExpression.parse(skillExpression);
        QueueDef q = queues.find(start).orElseGet(() -> queues.find(QueueChoice.GENERAL).orElseThrow());
        QueueDef last = q;
        int hops = 0;
        while (q != null && hops++ < 10) {
            if (router.qualifies(q.requirement(own, language), channel)) {
                return q.id();
            }
            last = q;
            q = q.fallbackQueueId() == null ? null : queues.find(q.fallbackQueueId()).orElse(null);
        }
        return last.id();
    }

    public Waiting waitingOf(Handoff h) {
        QueueDef q = queues.find(h.queueId).orElseThrow(() -> new IllegalStateException("unknown queue " + h.queueId));
        return new Waiting(h.id, h.queueId, h.channel, q.requirement(SkillExpression.parse(h.skillExpression), h.language),
                QueueChoice.preferredSkills(h.orderCategory, h.intent, h.customerValue),
                priority.rank(h.urgency, h.customerValue, h.createdAt), h.createdAt, h.queuedAt, h.declinedBySet());
    }

    /** Puts a (committed) waiting handoff on the router's list and tries to offer it at once. */
    public Uni<Void> enqueueAndDispatch(Handoff h) {
        router.enqueue(waitingOf(h));
        return dispatchArrival(h.id, ATTEMPTS);
    }

    // ---- decisions and offers ------------------------------------------------------------------

    private <T> T timed(Supplier<T> decision) {
        long start = System.nanoTime();
        try {
            return decision.get();
        } finally {
            decisions.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    Uni<Void> dispatchArrival(String handoffId, int attempts) {
        Optional<Match> match = timed(() -> router.routeArrival(handoffId));
        return match.isEmpty() ? Uni.createFrom().voidItem() : offer(match.get(), attempts);
    }

    /** Fills the agent's free slots from the waiting handoffs. */
    public Uni<Void> dispatchAgent(String agentId) {
        List<Match> matches = timed(() -> router.routeFor(agentId));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Match m : matches) {
            chain = chain.chain(() -> offer(m, ATTEMPTS));
        }
        return chain;
    }

    private Uni<Void> offer(Match m, int attempts) {
        return persistOffer(m)
                .chain(step -> events.publish(RoutingEvents.OFFERED, step.handoff(), step.assignment(), null))
                .onFailure().recoverWithUni(e -> {
                    router.release(m.agentId(), m.channel());
                    if (e instanceof ClaimRefused) {
                        LOG.debugf("claim of a %s slot of agent %s refused; reloading it", m.channel(), m.agentId());
                        return reloadAgent(m.agentId()).chain(() -> requeue(m.handoffId(), attempts - 1));
                    }
                    if (e instanceof NotWaiting) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf("offer of handoff %s to agent %s failed: %s", m.handoffId(), m.agentId(), e.toString());
                    return requeue(m.handoffId(), 0);
                });
    }

    /** Back on the waiting list if it is still waiting in the database; routed again while attempts are left. */
    private Uni<Void> requeue(String handoffId, int attempts) {
        return Panache.withSession(() -> Handoff.<Handoff>findById(handoffId)).chain(h -> {
            if (h == null || h.status != HandoffStatus.WAITING) {
                return Uni.createFrom().voidItem();
            }
            router.enqueue(waitingOf(h));
            return attempts > 0 ? dispatchArrival(handoffId, attempts) : Uni.createFrom().voidItem();
        });
    }

    record Offered(Handoff handoff, Assignment assignment) {
    }

    private Uni<Offered> persistOffer(Match m) {
        return Panache.withTransaction(() -> AgentChannel.claim(m.agentId(), m.channel()).chain(claimed -> {
            if (!claimed) {
                return Uni.createFrom().failure(new ClaimRefused());
            }
            return Handoff.<Handoff>findById(m.handoffId()).chain(h -> {
                if (h == null || h.status != HandoffStatus.WAITING) {
                    return Uni.createFrom().failure(new NotWaiting());
                }
                Assignment a = newOffer(h, m.agentId(), m.channel());
                h.status = HandoffStatus.OFFERED;
                h.agentId = m.agentId();
                return a.persist().chain(() -> Panache.flush()).replaceWith(new Offered(h, a));
            });
        }));
    }

    Assignment newOffer(Handoff h, String agentId, Channel channel) {
        Instant now = clock.instant();
        Assignment a = new Assignment();
        a.id = UUID.randomUUID().toString();
        a.handoffId = h.id;
        a.agentId = agentId;
        a.channel = channel;
        a.status = AssignmentStatus.OFFERED;
        a.offeredAt = now;
        a.offerExpiresAt = now.plus(config.offerTimeout());
        return a;
    }
}
