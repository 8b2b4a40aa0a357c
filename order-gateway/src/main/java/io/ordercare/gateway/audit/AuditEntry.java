package io.ordercare.gateway.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who changed money, address, items, status or shipment of an order, when, from what to what, and why. Append-only. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    public enum Field { STATUS, ADDRESS, ITEMS, PRICE, PAYMENT, FLAG, SHIPMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_log_seq")
    @SequenceGenerator(name = "audit_log_seq", sequenceName = "audit_log_seq", allocationSize = 50)
    public Long id;
    @Column(name = "order_id")
    public String orderId;
    public String field;
    public String actor;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_value")
    public String beforeValue;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_value")
    public String afterValue;
    public Instant at;
}
