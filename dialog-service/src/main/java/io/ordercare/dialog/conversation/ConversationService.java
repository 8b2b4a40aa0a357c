package io.ordercare.dialog.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.dialog.customer.CustomerProfile;
import io.ordercare.dialog.customer.IdentityService;
import io.ordercare.dialog.flow.DialogEngine;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.dialog.handoff.HandoffService;
import io.ordercare.dialog.nlu.Nlu;
import io.ordercare.dialog.nlu.NluResult;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.dialog.platform.OutboxPublisher;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.proto.order.v1.Order;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Answers one customer message, from any channel, in three steps:
 * <ol>
 * <li>a short transaction finds the customer's profile and the conversation (creating them on first contact), and
 * returns the stored answer when the same message arrives again;</li>
 * <li>outside any transaction the NLU reads the message and the {@link DialogEngine} answers it, calling
 * order-gateway, logistics-watcher and returns-service as the flow needs;</li>
 * <li>a second transaction writes the turns, the conversation's new memory (only if nobody else wrote it meanwhile:
 * its version), the profile's link to order-gateway's customer, and the outbox events (replies for the channel
 * adapters, a handoff request).</li>
 * </ol>
 * Two messages of one conversation at once: the later write finds a newer version and the whole turn runs again.
 * When a human owns the conversation the bot stays silent: the message is stored and passed on for the agent.
 */
@ApplicationScoped
public class ConversationService {

    private static final Logger LOG = Logger.getLogger(ConversationService.class);
    public static final String MESSAGE_SENT = "channel.message-sent";
    public static final String CUSTOMER_MESSAGE = "dialog.customer-message";

    @Inject
    IdentityService identities;

    @Inject
    DialogEngine engine;

    @Inject
    Nlu nlu;

    @Inject
    OrderClient orders;

    @Inject
    HandoffService handoffs;

    @Inject
    OutboxPublisher outbox;

    @Inject
    DialogConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What the customer sees of one turn. */
    public record Answer(String conversationId, List<String> replies, String intent, double confidence, String lang,
            boolean handedOff) {
    }

    /** The conversation as read in step 1, and a stored answer when the message was answered before. */
    private record Opened(Conversation conversation, CustomerProfile profile, Answer earlier) {
    }

    public Uni<Answer> handle(InboundMessage m) {
        // stable across the retries of this message: the calls the turn makes are idempotent on it
        String turnKey = m.messageId() != null ? "m:" + m.messageId() : UUID.randomUUID().toString();
        return attempt(m, turnKey).onFailure(ConversationService::concurrentWrite).retry().atMost(5);
    }

    private static boolean concurrentWrite(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof ConstraintViolationException
                    || c instanceof StaleConversationException) {
                return true;
            }
        }
        return false;
    }

    private Uni<Answer> attempt(InboundMessage m, String key) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> open(m, now)).chain(opened -> {
            if (opened.earlier() != null) {
                return Uni.createFrom().item(opened.earlier());
            }
            Conversation c = opened.conversation();
            NluResult understood = nlu.parse(m.text());
            String lang = languageOf(m.text(), understood, c.lang);
            if (c.owner == Conversation.Owner.HUMAN) {
                return write(m, opened, understood, lang, null, now, List.of(), key);
            }
            DialogState state = readState(c.state);
            c.lang = lang;
            String turnKey = "dlg-" + UUID.nameUUIDFromBytes((c.id + ":" + key).getBytes(StandardCharsets.UTF_8));
            String linked = opened.profile().gatewayCustomerId;
            Supplier<Uni<List<Order>>> load = () -> linked != null ? orders.ofCustomer(linked)
                    : orders.ofIdentity(m.identity());
            TurnContext ctx = new TurnContext(c, state, understood, m.text(), m.identity(), linked, now, turnKey, load);
            return engine.respond(ctx).chain(() -> write(m, opened, understood, lang, ctx, now, ctx.replies, turnKey));
        });
    }

    /** Step 1: profile, conversation, and the earlier answer to a repeated message. */
    private Uni<Opened> open(InboundMessage m, Instant now) {
        return identities.resolve(m.identity()).chain(profile -> conversationFor(m, profile, now)
                .chain(c -> {
                    Uni<Answer> earlier = m.messageId() == null ? Uni.createFrom().nullItem() : earlierAnswer(c, m.messageId());
                    return earlier.map(e -> new Opened(c, profile, e));
                }));
    }

    private Uni<Conversation> conversationFor(InboundMessage m, CustomerProfile profile, Instant now) {
        Uni<Conversation> found;
        if (m.conversationId() != null) {
            found = Conversation.findById(m.conversationId());
        } else {
            found = Conversation.<Conversation>find("profileId = ?1 and channel = ?2 and identityKind = ?3 and "
                    + "identityValue = ?4 and updatedAt > ?5 order by updatedAt desc", profile.id, m.channel(),
                    m.identity().kind(), m.identity().value(), now.minus(config.conversationIdle())).firstResult();
        }
        return found.chain(c -> {
            if (c != null) {
                if (!c.channel.equals(m.channel()) || !c.identityValue.equals(m.identity().value())) {
                    // a conversation id of another customer or channel is not theirs to continue
                    return Uni.createFrom().failure(new ConversationMismatchException(c.id));
                }
                return Uni.createFrom().item(c);
            }
            Conversation n = new Conversation();
            n.id = m.conversationId() != null ? m.conversationId() : UUID.randomUUID().toString();
            n.channel = m.channel();
            n.profileId = profile.id;
            n.identityKind = m.identity().kind();
            n.identityValue = m.identity().value();
            n.lang = looksChinese(m.text()) ? "zh" : "en";
            n.owner = Conversation.Owner.BOT;
            n.verified = config.verifiedChannels().contains(m.channel());
            n.state = "{}";
            n.createdAt = now;
            n.updatedAt = now;
            return n.persist();
        });
    }

    private Uni<Answer> earlierAnswer(Conversation c, String messageId) {
        return Turn.<Turn>find("conversationId = ?1 and messageId = ?2", c.id, messageId).firstResult().chain(t -> {
            if (t == null) {
                return Uni.createFrom().nullItem();
            }
            return Turn.<Turn>find("conversationId = ?1 and seq > ?2 order by seq", c.id, t.seq).list().map(after -> {
                List<String> replies = new ArrayList<>();
                for (Turn a : after) {
                    if (!Turn.BOT.equals(a.speaker)) {
                        break;
                    }
                    replies.add(a.text);
                }
                return new Answer(c.id, replies, t.intent, t.confidence == null ? 0 : t.confidence, c.lang,
                        c.owner == Conversation.Owner.HUMAN);
            });
        });
    }

    /** Step 3: turns, memory, link, events; then the events are sent and the handoff requested. */
    private Uni<Answer> write(InboundMessage m, Opened opened, NluResult understood, String lang, TurnContext ctx,
            Instant now, List<String> replies, String turnKey) {
        Conversation read = opened.conversation();
        List<Outbox.Event> events = new ArrayList<>();
        HandoffService.Request[] handoff = new HandoffService.Request[1];
        boolean silent = ctx == null;
        return Panache.withTransaction(() -> Conversation.<Conversation>findById(read.id).chain(c -> {
            if (c == null || c.version != read.version) {
                return Uni.createFrom().failure(new StaleConversationException());
            }
            return nextSeq(c.id).chain(seq -> {
                events.clear();
                handoff[0] = null;
                List<Turn> turns = new ArrayList<>();
                Turn customer = Turn.of(c.id, seq, Turn.CUSTOMER, m.text(), now);
                customer.intent = understood.intent();
                customer.confidence = understood.confidence();
                customer.messageId = m.messageId();
                turns.add(customer);
                for (int i = 0; i < replies.size(); i++) {
                    turns.add(Turn.of(c.id, seq + 1 + i, Turn.BOT, replies.get(i), now));
                }
                c.updatedAt = now;
                c.lang = lang;
                if (silent) {
                    events.add(customerMessage(c, m, understood, now));
                } else {
                    c.verified = ctx.conversation.verified;
                    if (ctx.handoff != null) {
                        c.owner = Conversation.Owner.HUMAN;
                        ctx.state.endFlow();
                    }
                    c.state = writeState(ctx.state);
                    if (m.replyOnChannel()) {
                        for (String r : replies) {
                            events.add(message(c, m.messageId(), r, now));
                        }
                    }
                }
                Uni<Void> history = Uni.createFrom().voidItem();
                if (ctx != null && ctx.handoff != null) {
                    history = Turn.<Turn>find("conversationId = ?1 and speaker in ?2 order by seq desc",
                            c.id, List.of(Turn.CUSTOMER, Turn.BOT, Turn.AGENT)).page(0, 20).list()
                            .invoke(earlier -> {
                                List<Turn> transcript = new ArrayList<>(earlier);
                                Collections.reverse(transcript);
                                transcript.addAll(turns);
                                handoff[0] = handoffs.build(ctx, transcript, turnKey);
                                events.add(handoff[0].event());
                            }).replaceWithVoid();
                }
                Uni<Void> persisted = history.chain(() -> Turn.persist(turns));
                Uni<Void> linked = ctx == null || ctx.learntCustomerId == null
                        || ctx.learntCustomerId.equals(opened.profile().gatewayCustomerId) ? Uni.createFrom().voidItem()
                        : CustomerProfile.<CustomerProfile>findById(opened.profile().id)
                                .chain(p -> identities.link(p, ctx.learntCustomerId, m.identity())).replaceWithVoid();
                Uni<Void> about = ctx == null || ctx.state.focusOrderId == null ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.createNativeQuery(
                                "insert into conversation_order (conversation_id, order_id, at) values (?1, ?2, ?3) "
                                        + "on conflict (conversation_id, order_id) do update set at = excluded.at")
                                .setParameter(1, c.id).setParameter(2, ctx.state.focusOrderId).setParameter(3, now)
                                .executeUpdate()).replaceWithVoid();
                return persisted.chain(() -> linked).chain(() -> about).chain(() -> writeOutbox(events));
            });
        })).onFailure(ConversationService::seqTaken).retry().atMost(3).chain(() -> outbox.publish(events))
                .chain(() -> handoff[0] == null ? Uni.createFrom().voidItem() : requestHandoff(read.id, handoff[0]))
                .map(x -> new Answer(read.id, replies, understood.intent(), understood.confidence(), lang,
                        silent || ctx.handoff != null));
    }

    /** The next turn number of the conversation (a notice may take it first: see {@link #seqTaken}). */
    public static Uni<Integer> nextSeq(String conversationId) {
        return Turn.<Turn>find("conversationId = ?1 order by seq desc", conversationId).firstResult()
                .map(t -> t == null ? 1 : t.seq + 1);
    }

    /** Another writer (a notice) took the turn number: write again with the next one. */
    public static boolean seqTaken(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConstraintViolationException v && v.getConstraintName() != null
                    && v.getConstraintName().contains("turn_conversation_id_seq")) {
                return true;
            }
            if (c.getMessage() != null && c.getMessage().contains("turn_conversation_id_seq_key")) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> requestHandoff(String conversationId, HandoffService.Request r) {
        return handoffs.send(r.grpc()).chain(id -> id.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> Conversation.update("handoffId = ?1 where id = ?2", id.get(), conversationId))
                        .replaceWithVoid())
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("handoff id of conversation %s not stored: %s", conversationId, t.getMessage());
                    return null;
                });
    }

    /** Writes the events in the current Panache transaction (the same table {@link Outbox} publishes from). */
    public static Uni<Void> writeOutbox(List<Outbox.Event> events) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Outbox.Event e : events) {
            all = all.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "insert into outbox (id, topic, key, event, created_at) values (?1, ?2, ?3, ?4, now())")
                    .setParameter(1, e.id()).setParameter(2, e.topic()).setParameter(3, e.key())
                    .setParameter(4, e.event()).executeUpdate()).replaceWithVoid());
        }
        return all;
    }

    /** A reply for the channel adapter: {@code channel.message-sent} on channel.outbound, keyed by conversation. */
    Outbox.Event message(Conversation c, String inReplyTo, String text, Instant now) {
        ObjectNode data = json.createObjectNode();
        data.put("conversationId", c.id);
        data.put("channel", c.channel);
        data.putObject("customer").put(c.identityKind.name().toLowerCase(), c.identityValue);
        data.put("text", text);
        data.put("lang", c.lang);
        if (inReplyTo != null) {
            data.put("inReplyTo", inReplyTo);
        }
        UUID id = UUID.randomUUID();
        return new Outbox.Event(id, config.outboundTopic(), c.id,
                json.valueToTree(CloudEvent.of(id.toString(), config.eventSource(), MESSAGE_SENT, now, c.id, data)).toString());
    }

    /** A message the customer wrote while a person owns the conversation, for the agent desk (dialog.events). */
    private Outbox.Event customerMessage(Conversation c, InboundMessage m, NluResult understood, Instant now) {
        ObjectNode data = json.createObjectNode();
        data.put("conversationId", c.id);
        data.put("handoffId", c.handoffId);
        data.put("channel", c.channel);
        data.put("text", m.text());
        data.put("intent", understood.intent());
        data.put("sentiment", understood.sentiment());
        UUID id = UUID.randomUUID();
        return new Outbox.Event(id, config.eventsTopic(), c.id,
                json.valueToTree(CloudEvent.of(id.toString(), config.eventSource(), CUSTOMER_MESSAGE, now, c.id, data))
                        .toString());
    }

    /** The language to answer in: the message's, unless it has no words (digits, "ok") — then the conversation's. */
    static String languageOf(String text, NluResult understood, String current) {
        if (looksChinese(text)) {
            return "zh";
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        return letters >= 4 ? "en" : current;
    }

    /** Chinese when Han characters are at least a fifth of the letters. */
    static boolean looksChinese(String text) {
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return han > 0 && han * 5 >= letters;
    }

    DialogState readState(String state) {
        try {
            return json.readValue(state, DialogState.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable dialog state, starting afresh: %s", e.getOriginalMessage());
            return new DialogState();
        }
    }

    String writeState(DialogState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The conversation was written by another turn since this one read it. */
    static final class StaleConversationException extends RuntimeException {
        StaleConversationException() {
            super("conversation written meanwhile", null, false, false);
        }
    }

    /** A conversation id given with another customer or channel than the conversation's. */
    public static final class ConversationMismatchException extends RuntimeException {
        public final String conversationId;

        ConversationMismatchException(String id) {
            super("conversation " + id + " belongs to another customer or channel", null, false, false);
            this.conversationId = id;
        }
    }
}
