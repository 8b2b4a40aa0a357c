package io.ordercare.routing.assignment;

import io.ordercare.routing.routing.Channel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One offer of a handoff to one agent and what became of it. {@link #version} guards every step. */
@Entity
@Table(name = "assignments")
public class Assignment extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "handoff_id")
    public String handoffId;
    @Column(name = "agent_id")
    public String agentId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;
    @Column(name = "offered_at")
    public Instant offeredAt;
    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    public String note;
    @Version
    public long version;
}
