package io.ordercare.dialog.campaign;

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
 * A batch of contacts with one purpose and one policy: when customers may be called (their local calling slots),
 * how often, how many calls at once, whether calls wait for the customer's likeliest hour. Versioned: pause,
 * resume and cancel from two operators at once cannot both win.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    public enum Trigger {
        AUTO, MANUAL
    }

    public enum Status {
        RUNNING, PAUSED, CANCELLED, COMPLETED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "calling_window", nullable = false)
    public String callingWindow;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "retry_spacing_seconds", nullable = false)
    public long retrySpacingSeconds;

    @Column(nullable = false)
    public int concurrency;

    @Column(name = "best_time", nullable = false)
    public boolean bestTime;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;

    /** The standing campaign of a kind (fed by events) has a fixed id, so every replica finds the same one. */
    public static UUID standingId(CampaignKind kind) {
        return UUID.nameUUIDFromBytes(("ordercare:campaign:auto:" + kind.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
