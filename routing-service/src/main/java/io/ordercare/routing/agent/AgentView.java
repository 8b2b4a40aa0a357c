package io.ordercare.routing.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent with capacity and current load (open assignments) per channel. */
public record AgentView(String id, String name, List<String> skills, List<String> languages, String status,
        Map<String, Integer> capacity, Map<String, Integer> active, Instant createdAt, Instant updatedAt, long version) {
}
