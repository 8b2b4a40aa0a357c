package io.ordercare.gateway.customer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who orders; reached through one or more {@link CustomerIdentity identities}. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
