package io.ordercare.routing.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The router's view of one agent: profile, status, capacity and current load per channel. */
public final class RosterAgent {

    final String id;
    Set<String> skills;
    Set<String> languages;
    AgentStatus status;
    final EnumMap<Channel, Integer> capacity = new EnumMap<>(Channel.class);
    final EnumMap<Channel, Integer> active = new EnumMap<>(Channel.class);
    /** Sequence number of the last offer: lower means idle for longer. */
    long lastOffer;

    RosterAgent(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    boolean isFree(Channel c) {
        return status == AgentStatus.AVAILABLE && active.getOrDefault(c, 0) < capacity.getOrDefault(c, 0);
    }

    boolean hasAnyFree() {
        for (Channel c : capacity.keySet()) {
            if (isFree(c)) {
                return true;
            }
        }
        return false;
    }

    /** Share of the agent's whole capacity in use, 0..1. */
    double load() {
        int cap = 0;
        int act = 0;
        for (Map.Entry<Channel, Integer> e : capacity.entrySet()) {
            cap += e.getValue();
            act += active.getOrDefault(e.getKey(), 0);
        }
        return cap == 0 ? 1.0 : (double) act / cap;
    }

    int preferenceScore(Set<String> preferred) {
        int n = 0;
        for (String s : preferred) {
            if (skills.contains(s)) {
                n++;
            }
        }
        return n;
    }
}
