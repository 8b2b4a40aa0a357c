package io.ordercare.gateway.customer;

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

/** One way to reach a customer: a phone (E.164), an email, or a platform account ("taobao:nick"). */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity extends PanacheEntityBase {

    public enum Kind { PHONE, EMAIL, PLATFORM }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_identity_seq")
    @SequenceGenerator(name = "customer_identity_seq", sequenceName = "customer_identity_seq", allocationSize = 50)
    public Long id;
    @Column(name = "customer_id")
    public String customerId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String value;
    public boolean verified;
    @Column(name = "created_at")
    public Instant createdAt;
}
