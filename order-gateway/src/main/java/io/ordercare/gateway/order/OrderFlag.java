package io.ordercare.gateway.order;

import io.ordercare.gateway.anomaly.FlagKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A flag on an order: an anomaly its rules found (price, stock, fraud, late address change) or what a caller
 * reported (customer unreachable, awaiting restock, needs an agent); resolved when handled.
 */
@Entity
@Table(name = "order_flag")
public class OrderFlag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_flag_seq")
    @SequenceGenerator(name = "order_flag_seq", sequenceName = "order_flag_seq", allocationSize = 50)
    public Long id;
    @Column(name = "order_id")
    public String orderId;
    @Enumerated(EnumType.STRING)
    public FlagKind kind;
    public String detail;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
