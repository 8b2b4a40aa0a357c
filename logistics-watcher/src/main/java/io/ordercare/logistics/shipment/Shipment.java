package io.ordercare.logistics.shipment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A parcel being watched, as the read side (REST, gRPC) sees it. The hot paths (scan ingest, the sweep)
 * write the same rows in batches through {@link ParcelStore}; every write bumps {@code version}.
 */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public Long id;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "return_id")
    public String returnId;
    public String origin;
    public String destination;
    @Column(name = "promised_date")
    public LocalDate promisedDate;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    @Column(name = "last_scan_at")
    public Instant lastScanAt;
    @Column(name = "last_hub")
    public String lastHub;
    @Column(name = "last_city")
    public String lastCity;
    @Column(name = "delivery_attempts")
    public int deliveryAttempts;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "predicted_arrival")
    public Instant predictedArrival;
    @Version
    public long version;
}
