package io.ordercare.dialog.customer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One identity (phone, e-mail, platform account) and the profile it belongs to now. */
@Entity
@Table(name = "channel_identity")
public class ChannelIdentity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentityKind kind;

    @Column(nullable = false)
    public String value;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    public Identity identity() {
        return new Identity(kind, value);
    }
}
