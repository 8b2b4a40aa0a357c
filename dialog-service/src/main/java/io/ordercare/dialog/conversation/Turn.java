package io.ordercare.dialog.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a conversation: what the customer, the bot, an agent or the system said, in order. */
@Entity
@Table(name = "turn")
public class Turn extends PanacheEntityBase {

    public static final String CUSTOMER = "customer";
    public static final String BOT = "bot";
    public static final String AGENT = "agent";
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String speaker;

    @Column(nullable = false)
    public String text;

    public String intent;

    public Double confidence;

    @Column(name = "message_id")
    public String messageId;

    @Column(nullable = false)
    public Instant at;

    public static Turn of(String conversationId, int seq, String speaker, String text, Instant at) {
        Turn t = new Turn();
        t.conversationId = conversationId;
        t.seq = seq;
        t.speaker = speaker;
        t.text = text;
        t.at = at;
        return t;
    }
}
