package io.ordercare.dialog.customer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Two profiles found to be one customer: what was merged into what, the evidence (which order-gateway customer
 * both identities belong to), which identities moved, and whether and by whom it was undone.
 */
@Entity
@Table(name = "identity_merge")
public class IdentityMerge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "from_profile", nullable = false)
    public UUID fromProfile;

    @Column(name = "into_profile", nullable = false)
    public UUID intoProfile;

    /** A sentence naming the shared order-gateway customer and the (masked) identities that matched it. */
    @Column(nullable = false)
    public String evidence;

    /** Ids of the channel identities moved, comma-separated: an undo moves exactly these back. */
    @Column(nullable = false)
    public String moved;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "undone_at")
    public Instant undoneAt;

    @Column(name = "undone_by")
    public String undoneBy;
}
