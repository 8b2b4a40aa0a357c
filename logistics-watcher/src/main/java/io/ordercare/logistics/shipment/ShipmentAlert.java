package io.ordercare.logistics.shipment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An alert raised for a parcel, one per episode (read side); {@code data} is the event's data. */
@Entity
@Table(name = "shipment_alert")
public class ShipmentAlert extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "shipment_id")
    public Long shipmentId;
    @Column(name = "order_id")
    public String orderId;
    public String type;
    public String episode;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;
}
