package io.ordercare.dialog.conversation;

import io.ordercare.dialog.customer.IdentityKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One conversation with a customer on one channel: who they are, in which language we speak, whether the bot or
 * a human owns it, whether the customer proved who they are, and the dialog's memory ({@link DialogState}).
 * Versioned: two messages of one conversation handled at once cannot both write it.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    public enum Owner {
        BOT, HUMAN
    }

    @Id
    public String id;

    /** CHAT, APP, SOCIAL or VOICE. */
    @Column(nullable = false)
    public String channel;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_kind", nullable = false)
    public IdentityKind identityKind;

    @Column(name = "identity_value", nullable = false)
    public String identityValue;

    /** zh or en: the language of the customer's last message. */
    @Column(nullable = false)
    public String lang;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Owner owner;

    @Column(name = "handoff_id")
    public String handoffId;

    @Column(nullable = false)
    public boolean verified;

    /** {@link DialogState} as JSON. */
    @Column(nullable = false)
    public String state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
