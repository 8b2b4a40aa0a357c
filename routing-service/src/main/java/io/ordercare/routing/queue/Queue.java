package io.ordercare.routing.queue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A queue of handoffs: who may serve it (skill expression), its SLA and where to go when nobody qualifies. */
@Entity
@Table(name = "queues")
public class Queue extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "skill_expression")
    public String skillExpression;
    @Column(name = "language_required")
    public boolean languageRequired;
    @Column(name = "sla_seconds")
    public int slaSeconds;
    @Column(name = "fallback_queue_id")
    public String fallbackQueueId;
}
