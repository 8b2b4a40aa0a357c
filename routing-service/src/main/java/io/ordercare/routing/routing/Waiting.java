package io.ordercare.routing.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

/**
 * A handoff waiting for an agent, as the router sees it. {@code rank} comes from {@link Priority#rank};
 * {@code excluded} are the agents who rejected it or let the offer time out.
 */
public record Waiting(String handoffId, String queueId, Channel channel, Requirement requirement, Set<String> preferredSkills,
        double rank, Instant createdAt, Instant queuedAt, Set<String> excluded) {

    /** Highest rank first; the older one, then the id break ties so the order is total. */
    public static final Comparator<Waiting> ORDER = Comparator.comparingDouble(Waiting::rank).reversed()
            .thenComparing(Waiting::createdAt).thenComparing(Waiting::handoffId);
}
