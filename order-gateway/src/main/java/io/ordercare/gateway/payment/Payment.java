package io.ordercare.gateway.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** How an order is paid: method, status and amount; the money movements are {@link PaymentTransaction}s. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    /** PENDING, PAID, FAILED, REFUND_PENDING, REFUNDED; COD orders stay PENDING until delivery. */
    public static final String PAID = "PAID";
    public static final String REFUND_PENDING = "REFUND_PENDING";
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    public Long id;
    @Column(name = "order_id")
    public String orderId;
    public String method;
    public String status;
    @Column(name = "amount_minor")
    public long amountMinor;
    public String currency;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
