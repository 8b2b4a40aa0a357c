package io.ordercare.routing.handoff;

import io.ordercare.routing.routing.Channel;
import io.ordercare.routing.routing.CustomerValue;
import io.ordercare.routing.routing.Urgency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A conversation handed to humans, with everything the bot knew: customer, channel, order, intent,
 * summary, transcript, sentiment, urgency. It keeps this context through every offer and transfer.
 */
@Entity
@Table(name = "handoffs")
public class Handoff extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "customer_id")
    public String customerId;
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_value")
    public CustomerValue customerValue;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "order_category")
    public String orderCategory;
    public String intent;
    public String summary;
    /** JSON array of {@link Turn}s. */
    public String transcript;
    public Double sentiment;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "queue_id")
    public String queueId;
    @Column(name = "skill_expression")
    public String skillExpression;
    @Enumerated(EnumType.STRING)
    public HandoffStatus status;
    @Column(name = "agent_id")
    public String agentId;
    /** Space-separated ids of the agents who rejected it or let it time out. */
    @Column(name = "declined_by")
    public String declinedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "callback_offered_at")
    public Instant callbackOfferedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public long version;

    public Set<String> declinedBySet() {
        Set<String> out = new LinkedHashSet<>();
        if (declinedBy != null && !declinedBy.isBlank()) {
            out.addAll(java.util.Arrays.asList(declinedBy.strip().split("\\s+")));
        }
        return out;
    }

    public void decline(String agent) {
        Set<String> s = declinedBySet();
        s.add(agent);
        declinedBy = String.join(" ", s);
    }
}
