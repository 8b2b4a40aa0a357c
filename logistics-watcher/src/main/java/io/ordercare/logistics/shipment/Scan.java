package io.ordercare.logistics.shipment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored scan of a parcel (read side). */
@Entity
@Table(name = "scan")
public class Scan extends PanacheEntityBase {

    @Id
    public Long id;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "scanned_at")
    public Instant scannedAt;
    public String code;
    @Column(name = "carrier_code")
    public String carrierCode;
    public String hub;
    public String city;
    public String description;
}
