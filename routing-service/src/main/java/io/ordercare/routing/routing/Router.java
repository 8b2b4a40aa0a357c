package io.ordercare.routing.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing decisions, in memory: the roster of agents with their load, and the handoffs waiting in
 * priority order. A decision takes microseconds; its capacity is reserved here at once so two
 * decisions never hand out the same slot, and the caller then claims it in the database (which has the
 * last word: a refused claim is {@link #release released} and the agent {@link #putAgent reloaded}).
 *
 * <p>Two kinds of decision:
 * <ul>
 * <li>a handoff arrives ({@link #routeArrival}): among the available agents with a free slot on its
 * channel who meet its requirement and did not decline it, the best one: most preferred skills
 * (category specialist, vip), then least loaded, then idle longest;</li>
 * <li>an agent has a free slot ({@link #routeFor}): the highest-priority waiting handoff it qualifies for.</li>
 * </ul>
 * Thread-safe: every method holds the router's lock, for microseconds.
 */
public final class Router {

    private final Map<String, RosterAgent> agents = new HashMap<>();
    /** Agents that are available and have a free slot, per channel: an arrival looks only at these. */
    private final EnumMap<Channel, LinkedHashMap<String, RosterAgent>> free = new EnumMap<>(Channel.class);
    private final TreeSet<Waiting> waiting = new TreeSet<>(Waiting.ORDER);
    private final Map<String, Waiting> waitingById = new HashMap<>();
    private long offers;

    private static final Comparator<RosterAgent> IDLE_FIRST = Comparator.<RosterAgent>comparingLong(a -> a.lastOffer)
            .thenComparing(RosterAgent::id);

    public Router() {
        for (Channel c : Channel.values()) {
            free.put(c, new LinkedHashMap<>());
        }
    }

    // ---- roster --------------------------------------------------------------------------------

    /** Adds or replaces an agent (profile, status, capacity and load as stored). */
    public synchronized void putAgent(AgentSnapshot s) {
        RosterAgent a = agents.computeIfAbsent(s.id(), RosterAgent::new);
        a.skills = Set.copyOf(s.skills());
        a.languages = Set.copyOf(s.languages());
        a.status = s.status();
        a.capacity.clear();
        a.capacity.putAll(s.capacity());
        a.active.clear();
        a.active.putAll(s.active());
        refreshFree(a);
    }

    /**
     * Adds an agent or changes its profile, status and capacity, keeping the load the router counts
     * (which includes slots reserved for offers still being written).
     */
    public synchronized void putProfile(AgentSnapshot s) {
        RosterAgent a = agents.get(s.id());
        if (a == null) {
            putAgent(s);
            return;
        }
        a.skills = Set.copyOf(s.skills());
        a.languages = Set.copyOf(s.languages());
        a.status = s.status();
        a.capacity.clear();
        a.capacity.putAll(s.capacity());
        refreshFree(a);
    }

    public synchronized int agentCount() {
        return agents.size();
    }

    /**
     * True when some agent who is not away could ever take a handoff with this requirement on this
     * channel (busy or at capacity now or not): then the handoff waits in that queue rather than falling back.
     */
    public synchronized boolean qualifies(Requirement r, Channel channel) {
        for (RosterAgent a : agents.values()) {
            if (a.status != AgentStatus.AWAY && a.capacity.getOrDefault(channel, 0) > 0 && r.test(a.skills, a.languages)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes a slot for a transfer to a named agent, whatever waits: true when the agent is available
     * with a free slot on the channel.
     */
    public synchronized boolean reserve(String agentId, Channel channel) {
        RosterAgent a = agents.get(agentId);
        if (a == null || !a.isFree(channel)) {
            return false;
        }
        take(a, channel);
        return true;
    }

    /** A slot came back (the assignment ended, or the database refused the claim). */
    public synchronized void release(String agentId, Channel channel) {
        RosterAgent a = agents.get(agentId);
        if (a != null) {
            a.active.merge(channel, -1, (x, y) -> Math.max(0, x + y));
            refreshFree(a);
        }
    }

    // ---- waiting -------------------------------------------------------------------------------

    public synchronized void enqueue(Waiting w) {
        Waiting old = waitingById.put(w.handoffId(), w);
        if (old != null) {
            waiting.remove(old);
        }
        waiting.add(w);
    }

    /** Takes a handoff off the waiting list (accepted elsewhere, handed back); false when it was not there. */
    public synchronized boolean withdraw(String handoffId) {
        Waiting w = waitingById.remove(handoffId);
        return w != null && waiting.remove(w);
    }

    public synchronized Optional<Waiting> waiting(String handoffId) {
        return Optional.ofNullable(waitingById.get(handoffId));
    }

    public synchronized List<Waiting> waitingList() {
        return new ArrayList<>(waiting);
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** Depth and oldest wait of every queue that has waiting handoffs. */
    public synchronized Map<String, QueueLoad> queueLoads() {
        Map<String, QueueLoad> loads = new HashMap<>();
        for (Waiting w : waiting) {
            loads.merge(w.queueId(), new QueueLoad(1, w.queuedAt()),
                    (a, b) -> new QueueLoad(a.depth() + 1, a.oldest().isBefore(b.oldest()) ? a.oldest() : b.oldest()));
        }
        return loads;
    }

    public record QueueLoad(int depth, Instant oldest) {
    }

    // ---- decisions -----------------------------------------------------------------------------

    /** The best free agent for a waiting handoff, its slot reserved; empty when nobody can take it now. */
    public synchronized Optional<Match> routeArrival(String handoffId) {
        Waiting w = waitingById.get(handoffId);
        if (w == null) {
            return Optional.empty();
        }
        RosterAgent best = null;
        int bestPreference = -1;
        double bestLoad = 2;
        for (RosterAgent a : free.get(w.channel()).values()) {
            if (w.excluded().contains(a.id) || !w.requirement().test(a.skills, a.languages)) {
                continue;
            }
            int preference = a.preferenceScore(w.preferredSkills());
            double load = a.load();
            if (best == null || preference > bestPreference
                    || (preference == bestPreference && (load < bestLoad
                            || (load == bestLoad && IDLE_FIRST.compare(a, best) < 0)))) {
                best = a;
                bestPreference = preference;
                bestLoad = load;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        withdraw(handoffId);
        take(best, w.channel());
        return Optional.of(new Match(handoffId, best.id, w.channel(), w.queueId()));
    }

    /** Fills the agent's free slots with the highest-priority waiting handoffs it qualifies for. */
    public synchronized List<Match> routeFor(String agentId) {
        RosterAgent a = agents.get(agentId);
        if (a == null || !a.hasAnyFree()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>(1);
        Iterator<Waiting> it = waiting.iterator();
        while (it.hasNext() && a.hasAnyFree()) {
            Waiting w = it.next();
            if (a.isFree(w.channel()) && !w.excluded().contains(a.id) && w.requirement().test(a.skills, a.languages)) {
                it.remove();
                waitingById.remove(w.handoffId());
                take(a, w.channel());
                matches.add(new Match(w.handoffId(), a.id, w.channel(), w.queueId()));
            }
        }
        return matches;
    }

    /** Agents that have a free slot now (to fill after a restart or a refused claim). */
    public synchronized List<String> agentsWithFreeSlots() {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, RosterAgent> m : free.values()) {
            ids.addAll(m.keySet());
        }
        return new ArrayList<>(ids);
    }

    public synchronized Collection<String> agentIds() {
        return List.copyOf(agents.keySet());
    }

    private void take(RosterAgent a, Channel c) {
        a.active.merge(c, 1, Integer::sum);
        a.lastOffer = ++offers;
        refreshFree(a);
    }

    private void refreshFree(RosterAgent a) {
        for (Channel c : Channel.values()) {
            if (a.isFree(c)) {
                free.get(c).put(a.id, a);
            } else {
                free.get(c).remove(a.id);
            }
        }
    }
}
