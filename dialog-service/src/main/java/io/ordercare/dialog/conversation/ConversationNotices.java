package io.ordercare.dialog.conversation;

import io.ordercare.dialog.customer.Identity;
import io.ordercare.dialog.customer.IdentityKind;
import io.ordercare.dialog.customer.IdentityService;
import io.ordercare.dialog.platform.OutboxPublisher;
import io.ordercare.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What other services' events change in conversations, each event applied once (its id in processed_event, in the
 * same transaction): news about an order told to the customer (a bot turn plus a reply on channel.outbound), and a
 * conversation given back to the bot after a person handled it.
 */
@ApplicationScoped
public class ConversationNotices {

    private static final Logger LOG = Logger.getLogger(ConversationNotices.class);

    @Inject
    ConversationService conversations;

    @Inject
    OutboxPublisher outbox;

    @Inject
    IdentityService identities;

    @Inject
    Clock clock;

    /** Tells the customer in the latest conversation about the order; nothing when none was about it. */
    public Uni<Void> tellAboutOrder(String eventId, String orderId, Function<String, String> textIn, String type) {
        Instant now = clock.instant();
        List<Outbox.Event> events = new ArrayList<>();
        return Panache.withTransaction(() -> once(eventId, now).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(
                    "select conversation_id from conversation_order where order_id = ?1 order by at desc limit 1",
                    String.class).setParameter(1, orderId).getResultList())
                    .chain(ids -> ids.isEmpty() ? Uni.createFrom().nullItem() : Conversation.<Conversation>findById(ids.get(0)))
                    .chain(c -> {
                        if (c == null) {
                            LOG.debugf("%s about order %s: no conversation to tell", type, orderId);
                            return Uni.createFrom().voidItem();
                        }
                        String text = textIn.apply(c.lang);
                        if (text.isBlank()) {
                            return Uni.createFrom().voidItem();
                        }
                        // a turn of its own, not a change of the dialog: the conversation's version stays, so a
                        // customer message answered at the same time is not made to start over
                        events.clear();
                        events.add(conversations.message(c, null, text, now));
                        return ConversationService.nextSeq(c.id)
                                .chain(seq -> Turn.of(c.id, seq, Turn.BOT, text, now).persist())
                                .chain(() -> ConversationService.writeOutbox(events));
                    });
        })).onFailure(ConversationService::seqTaken).retry().atMost(5).chain(() -> outbox.publish(events));
    }

    /**
     * News the customer should get even without a conversation about the order (an outreach message): in the
     * latest conversation about the order, else the customer's latest written conversation reached by this phone
     * number, else a new APP conversation for the number. Told once per event id; false when told before.
     */
    public Uni<Boolean> tellCustomer(String eventId, String orderId, String phone, String lang,
            Function<String, String> textIn) {
        Instant now = clock.instant();
        List<Outbox.Event> events = new ArrayList<>();
        Identity identity = new Identity(IdentityKind.PHONE, phone);
        return Panache.withTransaction(() -> once(eventId, now).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(
                    "select conversation_id from conversation_order where order_id = ?1 order by at desc limit 1",
                    String.class).setParameter(1, orderId).getResultList())
                    .chain(ids -> ids.isEmpty() ? Conversation.<Conversation>find("identityKind = ?1 and identityValue = ?2 "
                            + "and channel <> 'VOICE' order by updatedAt desc", IdentityKind.PHONE, phone).firstResult()
                            : Conversation.<Conversation>findById(ids.get(0)))
                    .chain(c -> c != null ? Uni.createFrom().item(c) : identities.resolve(identity).chain(profile -> {
                        Conversation n = new Conversation();
                        n.id = UUID.randomUUID().toString();
                        n.channel = "APP";
                        n.profileId = profile.id;
                        n.identityKind = IdentityKind.PHONE;
                        n.identityValue = phone;
                        n.lang = lang;
                        n.owner = Conversation.Owner.BOT;
                        n.verified = false;
                        n.state = "{}";
                        n.createdAt = now;
                        n.updatedAt = now;
                        return n.<Conversation>persist();
                    }))
                    .chain(c -> {
                        String text = textIn.apply(c.lang);
                        events.clear();
                        events.add(conversations.message(c, null, text, now));
                        return ConversationService.nextSeq(c.id)
                                .chain(seq -> Turn.of(c.id, seq, Turn.BOT, text, now).persist())
                                .chain(() -> ConversationService.writeOutbox(events)).replaceWith(true);
                    });
        })).onFailure(t -> ConversationService.seqTaken(t) || firstContactRace(t)).retry().atMost(5)
                .call(told -> told ? outbox.publish(events) : Uni.createFrom().voidItem());
    }

    /** Two notices to a new customer at once both created the profile or its identity: the later one reads it. */
    private static boolean firstContactRace(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException v && v.getConstraintName() != null
                    && v.getConstraintName().startsWith("channel_identity")) {
                return true;
            }
            if (c.getMessage() != null && c.getMessage().contains("channel_identity_kind_value_key")) {
                return true;
            }
        }
        return false;
    }

    /** The bot owns the conversation again; what it was doing before the handoff is forgotten. */
    public Uni<Void> handBack(String eventId, String conversationId, String type) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> once(eventId, now).chain(first -> !first ? Uni.createFrom().voidItem()
                : Conversation.<Conversation>findById(conversationId).chain(c -> {
                    if (c == null || c.owner == Conversation.Owner.BOT) {
                        return Uni.createFrom().voidItem();
                    }
                    c.owner = Conversation.Owner.BOT;
                    c.handoffId = null;
                    c.state = "{}";
                    c.updatedAt = now;
                    LOG.debugf("conversation %s back with the bot (%s)", conversationId, type);
                    return ConversationService.nextSeq(c.id)
                            .chain(seq -> Turn.of(c.id, seq, Turn.SYSTEM, type, now).persist()).replaceWithVoid();
                }))).onFailure(ConversationService::seqTaken).retry().atMost(5);
    }

    /** True the first time this event id is seen. */
    private static Uni<Boolean> once(String eventId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "insert into processed_event (id, at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, now).executeUpdate()).map(n -> n == 1);
    }
}
