package io.ordercare.gateway.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One money movement of a payment: a charge or a refund, with its outcome. Never updated in place. */
@Entity
@Table(name = "payment_transaction")
public class PaymentTransaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_transaction_seq")
    @SequenceGenerator(name = "payment_transaction_seq", sequenceName = "payment_transaction_seq", allocationSize = 50)
    public Long id;
    @Column(name = "payment_id")
    public Long paymentId;
    /** CHARGE or REFUND. */
    public String kind;
    /** SUCCEEDED, FAILED or PENDING. */
    public String status;
    @Column(name = "amount_minor")
    public long amountMinor;
    @Column(name = "provider_ref")
    public String providerRef;
    @Column(name = "failure_reason")
    public String failureReason;
    public Instant at;
}
