package io.ordercare.dialog.customer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer as the assistant knows them: one profile, one history, however many channels they use. Linked to
 * order-gateway's customer once one of its identities matched; merged into another profile when both turn out
 * to be the same customer ({@link IdentityMerge}).
 */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "gateway_customer_id")
    public String gatewayCustomerId;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static CustomerProfile create(Instant now) {
        CustomerProfile p = new CustomerProfile();
        p.id = UUID.randomUUID();
        p.createdAt = now;
        return p;
    }
}
