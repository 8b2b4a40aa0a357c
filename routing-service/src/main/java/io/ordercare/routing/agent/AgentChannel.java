package io.ordercare.routing.agent;

import io.ordercare.routing.routing.Channel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Capacity and current load of one agent on one channel. The table's check constraint keeps
 * {@code active <= capacity}; slots are only taken with {@link #claim}, a conditional update, so two
 * concurrent offers can never both take the last slot.
 */
@Entity
@Table(name = "agent_channels")
public class AgentChannel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "agent_id")
    public String agentId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public int capacity;
    public int active;

    /** Takes one slot if one is free; true when it was taken. */
    public static Uni<Boolean> claim(String agentId, Channel channel) {
        return update("active = active + 1 where agentId = ?1 and channel = ?2 and active < capacity", agentId, channel)
                .map(n -> n == 1);
    }

    /** Gives one slot back. */
    public static Uni<Void> free(String agentId, Channel channel) {
        return update("active = active - 1 where agentId = ?1 and channel = ?2 and active > 0", agentId, channel)
                .replaceWithVoid();
    }
}
