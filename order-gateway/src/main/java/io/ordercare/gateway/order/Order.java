package io.ordercare.gateway.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The canonical order: one row per order, whatever platform it came from. Items, payments and
 * flags are their own tables keyed by {@code orderId}. {@link #version} guards every write:
 * a stale write fails instead of overwriting.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    public String id;
    public String platform;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "customer_id")
    public String customerId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "hold_reason")
    public String holdReason;
    public String currency;
    @Column(name = "total_minor")
    public long totalMinor;
    @Embedded
    public ShippingAddress address;
    /** The outbound parcel; null until the order ships. */
    @Embedded
    public Shipment shipment;
    /** Bumped on every change of the item lines, so the CDC stream of this row tells "items changed". */
    @Column(name = "items_revision")
    public int itemsRevision;
    @Column(name = "placed_at")
    public Instant placedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
