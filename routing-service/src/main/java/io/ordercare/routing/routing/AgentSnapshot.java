package io.ordercare.routing.routing;

import java.util.Map;
import java.util.Set;

/** An agent as stored: what the router is told when an agent is loaded, created or changed. */
public record AgentSnapshot(String id, Set<String> skills, Set<String> languages, AgentStatus status,
        Map<Channel, Integer> capacity, Map<Channel, Integer> active) {
}
