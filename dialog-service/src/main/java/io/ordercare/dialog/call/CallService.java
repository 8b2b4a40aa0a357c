package io.ordercare.dialog.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.CallTasks;
import io.ordercare.dialog.campaign.Campaigns;
import io.ordercare.dialog.campaign.Outcome;
import io.ordercare.dialog.conversation.Conversation;
import io.ordercare.dialog.conversation.ConversationService;
import io.ordercare.dialog.conversation.DialogState;
import io.ordercare.dialog.conversation.Turn;
import io.ordercare.dialog.customer.Identity;
import io.ordercare.dialog.customer.IdentityKind;
import io.ordercare.dialog.customer.IdentityService;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.dialog.handoff.HandoffService;
import io.ordercare.dialog.nlu.Nlu;
import io.ordercare.dialog.nlu.NluResult;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.dialog.platform.OutboxPublisher;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.proto.order.v1.Order;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The calls themselves, as the telephony platform's webhooks drive them: a person (or a machine) answers, each
 * reply is gathered, the call ends with a status. Each exchange runs like a chat turn: the call's conversation and
 * memory are read, the NLU reads the reply and the call's script answers it outside any transaction (calling
 * order-gateway as it needs), then one transaction writes the turns, the memory (only if nobody else wrote it: its
 * version), the contact's outcome and the outbox events (the outcome on dialog.events, a handoff request).
 * What the caller hears comes back as {@link Spoken}, rendered as TwiML by the webhook resource.
 */
@ApplicationScoped
public class CallService {

    private static final Logger LOG = Logger.getLogger(CallService.class);
    public static final String CONTACT_COMPLETED = "dialog.contact-completed";

    @Inject
    CallTasks tasks;

    @Inject
    Campaigns campaigns;

    @Inject
    OrderClient orders;

    @Inject
    Nlu nlu;

    @Inject
    IdentityService identities;

    @Inject
    HandoffService handoffs;

    @Inject
    OutboxPublisher outbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    io.ordercare.dialog.flow.Replies replies;

    @Inject
    @Any
    Instance<CallScript> scriptBeans;

    private final Map<String, CallScript> scripts = new HashMap<>();

    @PostConstruct
    void init() {
        for (CallScript s : scriptBeans) {
            scripts.put(s.name(), s);
        }
    }

    /** What the platform posted: who, the call's status, and the reply (speech with its confidence, or digits). */
    public record VoiceForm(String callSid, String from, String to, String callStatus, String answeredBy,
            String speech, Double confidence, String digits) {
    }

    /** What the caller hears next: sentences, then a question (its step), the end, or a transfer. */
    public record Spoken(String lang, List<String> sentences, String step, boolean transfer) {
        static Spoken hangup(String lang, List<String> sentences) {
            return new Spoken(lang, sentences, null, false);
        }
    }

    public CallScript script(String name) {
        CallScript s = scripts.get(name);
        if (s == null) {
            throw new IllegalStateException("no call script " + name);
        }
        return s;
    }

    /** The call was picked up: a machine hears a short message, a person the script's opening. */
    public Uni<Spoken> answered(UUID callId, VoiceForm f) {
        Instant now = clock.instant();
        return tasks.ofCall(callId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Spoken.hangup("en", List.of()));
            }
            CallTask task = found.get();
            if (CallTask.DONE.equals(task.status()) || !callId.equals(task.lastCallId())) {
                return Uni.createFrom().item(Spoken.hangup(task.lang(), List.of()));
            }
            String by = f.answeredBy() == null || f.answeredBy().isBlank() ? "human" : f.answeredBy();
            if (by.startsWith("machine") || by.equals("fax")) {
                return tasks.answered(callId, task.id(), by, null, now).map(x -> Spoken.hangup(task.lang(),
                        List.of(replies.text(io.ordercare.dialog.flow.Replies.locale(task.lang()), "call.voicemail"))));
            }
            String conversationId = conversationId(callId);
            return Panache.withSession(() -> Conversation.<Conversation>findById(conversationId)).chain(existing -> {
                if (existing != null) {
                    // the platform asked again: the same question again
                    DialogState s = readState(existing.state);
                    return Uni.createFrom().item(new Spoken(existing.lang,
                            List.of(s.slots.getOrDefault("q", "")), s.slot, false));
                }
                return orders.get(task.orderId()).chain(order -> {
                    Conversation c = new Conversation();
                    c.id = conversationId;
                    c.channel = "VOICE";
                    c.identityKind = IdentityKind.PHONE;
                    c.identityValue = task.phone();
                    c.lang = task.lang();
                    c.owner = Conversation.Owner.BOT;
                    c.verified = false;
                    c.createdAt = now;
                    c.updatedAt = now;
                    DialogState state = new DialogState();
                    state.flow = task.script();
                    state.focusOrderId = task.orderId();
                    state.slots.putAll(facts(task));
                    CallTurn t = new CallTurn(task, c, state, null, "", 1.0, "", now, key(callId, "open"), order);
                    CallScript script = script(task.script());
                    return run(() -> script.open(t), t)
                            .chain(() -> write(t, callId, by, true))
                            .invoke(() -> keep(callId, t))
                            .map(x -> spoken(t));
                });
            });
        });
    }

    /** A reply to the question of {@code step}: the script's answer. */
    public Uni<Spoken> gathered(UUID callId, String step, VoiceForm f) {
        return attemptGather(callId, f).onFailure(CallService::concurrentWrite).retry().atMost(3);
    }

    /**
     * A call in progress as the last exchange left it: its contact, its conversation (memory and version) and the
     * order. Kept in memory between the exchanges of a call, so an exchange reads nothing before it answers; the
     * conversation's version still guards every write (a stale entry is dropped and read again).
     */
    private record Live(CallTask task, Conversation conversation, Order order) {
    }

    private final Map<UUID, Live> live = new java.util.concurrent.ConcurrentHashMap<>();
    /** Calls in progress held at most (a platform that never reports the end must not fill the heap). */
    private static final int LIVE_MAX = 20_000;

    /** The call ended (status callback): forget what was kept for it. */
    public void ended(UUID callId) {
        live.remove(callId);
    }

    private void keep(UUID callId, CallTurn t) {
        if (t.ask == null || t.transferReason != null) {
            live.remove(callId);
            return;
        }
        if (live.size() >= LIVE_MAX) {
            live.clear();
        }
        live.put(callId, new Live(t.task, t.conversation, t.order));
    }

    private Uni<Live> load(UUID callId) {
        Live kept = live.get(callId);
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return tasks.ofCall(callId).chain(found -> found.isEmpty() ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> Conversation.<Conversation>findById(conversationId(callId))).chain(c -> c == null
                        ? Uni.createFrom().nullItem()
                        : orders.get(found.get().orderId()).map(o -> new Live(found.get(), c, o))));
    }

    private Uni<Spoken> attemptGather(UUID callId, VoiceForm f) {
        Instant now = clock.instant();
        return load(callId).chain(l -> {
            if (l == null) {
                return Uni.createFrom().item(Spoken.hangup("en", List.of()));
            }
            Conversation c = l.conversation();
            DialogState state = readState(c.state);
            if (c.owner == Conversation.Owner.HUMAN || state.slot == null) {
                live.remove(callId);
                return Uni.createFrom().item(Spoken.hangup(c.lang, List.of()));
            }
            String speech = f.speech() == null ? "" : f.speech().strip();
            NluResult understood = speech.isEmpty() ? null : nlu.parse(speech);
            double confidence = f.confidence() == null ? 1.0 : f.confidence();
            int exchange = Integer.parseInt(state.slots.getOrDefault("n", "0")) + 1;
            state.slots.put("n", String.valueOf(exchange));
            CallTurn t = new CallTurn(l.task(), c, state, understood, speech, confidence, f.digits(), now,
                    key(callId, String.valueOf(exchange)), l.order());
            CallScript script = script(l.task().script());
            return run(() -> script.answer(t), t).chain(() -> write(t, callId, null, false))
                    .invoke(() -> keep(callId, t)).map(x -> spoken(t))
                    .onFailure().invoke(() -> live.remove(callId));
        });
    }

    /** Runs the script; a service it needed failing ends in a transfer to a person (said so to the customer). */
    private Uni<Void> run(java.util.function.Supplier<Uni<Void>> script, CallTurn t) {
        return script.get().onFailure(CallFailure.class).recoverWithItem(e -> {
            LOG.infof("call of task %s: %s", t.task.id(), e.getMessage());
            t.say.add(replies.text(t.locale(), "call.failed"));
            t.say.add(replies.text(t.locale(), "call.transfer"));
            t.ask = null;
            t.state.slot = null;
            t.transferReason = "the robot could not complete the " + t.task.script() + " call: " + e.getMessage();
            t.outcome = Outcome.HANDED_OFF;
            return null;
        });
    }

    /** The exchange's writes, in one transaction; then the events and a handoff are sent. */
    private Uni<Void> write(CallTurn t, UUID callId, String answeredBy, boolean opening) {
        List<Outbox.Event> events = new ArrayList<>();
        HandoffService.Request[] handoff = new HandoffService.Request[1];
        String handoffReason = t.transferReason != null ? t.transferReason : t.followUp;
        TurnContext ctx = handoffReason == null ? null : handoffContext(t, handoffReason);
        Uni<Void> prepared = ctx == null ? Uni.createFrom().voidItem() : ctx.orders().replaceWithVoid();
        // turn numbers: a call's conversation is written only by its own exchanges, one at a time
        int firstSeq = opening ? 1 : lastSeq(t.state) + 1;
        return prepared.chain(() -> Panache.withTransaction(() -> {
            events.clear();
            Uni<Conversation> conversation;
            if (opening) {
                conversation = identities.resolve(new Identity(IdentityKind.PHONE, t.task.phone())).chain(profile -> {
                    t.conversation.profileId = profile.id;
                    t.state.slots.put(SEQ, String.valueOf(t.say.stream().filter(x -> !x.isBlank()).count()));
                    t.conversation.state = writeState(t.state);
                    if (ctx != null) {
                        t.conversation.owner = Conversation.Owner.HUMAN;
                    }
                    return t.conversation.<Conversation>persist();
                });
            } else {
                // one statement, guarded by the version the exchange read
                Conversation c = t.conversation;
                conversation = Uni.createFrom().item(c);
            }
            return conversation.chain(c -> Uni.createFrom().item(firstSeq).chain(seq -> {
                List<Turn> turns = new ArrayList<>();
                int n = seq;
                if (!opening) {
                    Turn customer = Turn.of(c.id, n++, Turn.CUSTOMER, t.heard(), t.now);
                    if (t.nlu != null) {
                        customer.intent = t.nlu.intent();
                        customer.confidence = t.nlu.confidence();
                    }
                    turns.add(customer);
                }
                for (String s : t.say) {
                    if (!s.isBlank()) {
                        turns.add(Turn.of(c.id, n++, Turn.BOT, s, t.now));
                    }
                }
                t.state.slots.put(SEQ, String.valueOf(n - 1));
                String state = writeState(t.state);
                Conversation.Owner owner = t.transferReason != null || (opening && ctx != null) ? Conversation.Owner.HUMAN
                        : c.owner;
                Uni<Void> memory = opening ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.createNativeQuery(
                                "update conversation set state = ?1, updated_at = ?2, owner = ?3, version = version + 1 "
                                        + "where id = ?4 and version = ?5").setParameter(1, state).setParameter(2, t.now)
                                .setParameter(3, owner.name()).setParameter(4, c.id).setParameter(5, c.version)
                                .executeUpdate()).chain(updated -> updated == 1 ? Uni.createFrom().voidItem()
                                        : Uni.createFrom().failure(new OptimisticLockException("call conversation written meanwhile")))
                                .invoke(() -> {
                                    c.version++;
                                    c.state = state;
                                    c.owner = owner;
                                });
                Uni<Void> history = Uni.createFrom().voidItem();
                if (ctx != null) {
                    history = Turn.<Turn>find("conversationId = ?1 order by seq", c.id).list().invoke(earlier -> {
                        List<Turn> transcript = new ArrayList<>(earlier);
                        transcript.addAll(turns);
                        handoff[0] = handoffs.build(ctx, transcript, t.key);
                        events.add(handoff[0].event());
                    }).replaceWithVoid();
                }
                Uni<Void> attempt = !opening ? Uni.createFrom().voidItem() : native_(
                        "update call_attempt set answered_at = coalesce(answered_at, ?2), answered_by = ?3, "
                                + "conversation_id = ?4 where id = ?1", callId, t.now, answeredBy, c.id)
                        .chain(() -> native_("update call_task set status = 'IN_CALL', updated_at = ?2 where id = ?1 "
                                + "and status = 'DIALING'", t.task.id(), t.now));
                Uni<Void> finished = t.outcome == null ? Uni.createFrom().voidItem()
                        : native_("update call_task set status = 'DONE', outcome = ?2, done_at = ?3, updated_at = ?3 "
                                + "where id = ?1 and status <> 'DONE'", t.task.id(), t.outcome.name(), t.now)
                                .invoke(() -> events.add(campaigns.outcomeEvent(t.task, t.outcome, t.now)));
                Uni<Void> survey = !t.survey ? Uni.createFrom().voidItem()
                        : native_("insert into survey_answer (task_id, order_id, score, comment, lang, at) values "
                                + "(?1, ?2, ?3, ?4, ?5, ?6) on conflict (task_id) do nothing", t.task.id(), t.task.orderId(),
                                Integer.parseInt(t.state.slots.getOrDefault("score", "0")),
                                t.state.slots.getOrDefault("comment", ""), c.lang, t.now);
                return history.chain(() -> Turn.persist(turns)).chain(() -> memory).chain(() -> attempt).chain(() -> finished)
                        .chain(() -> survey).chain(() -> ConversationService.writeOutbox(events));
            }));
        })).onFailure(ConversationService::seqTaken).retry().atMost(3)
                .chain(() -> outbox.publish(events))
                .chain(() -> handoff[0] == null ? Uni.createFrom().voidItem() : afterHandoff(t, handoff[0]));
    }

    private Uni<Void> afterHandoff(CallTurn t, HandoffService.Request r) {
        Uni<Void> flagged = t.transferReason == null ? Uni.createFrom().voidItem()
                : orders.flag(t.task.orderId(), "NEEDS_AGENT", t.transferReason).replaceWithVoid();
        return handoffs.send(r.grpc()).replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("handoff of call task %s: %s (the dialog.events request stands)", t.task.id(), e.getMessage());
            return null;
        }).chain(() -> flagged).onFailure().recoverWithItem(e -> {
            LOG.warnf("order %s not flagged NEEDS_AGENT: %s", t.task.orderId(), e.getMessage());
            return null;
        });
    }

    private TurnContext handoffContext(CallTurn t, String reason) {
        NluResult heard = t.nlu != null ? t.nlu : new NluResult("unknown", 0, t.conversation.lang, List.of(), 0);
        Order order = t.order;
        TurnContext ctx = new TurnContext(t.conversation, t.state, heard, t.heard(),
                new Identity(IdentityKind.PHONE, t.task.phone()), null, t.now, t.key,
                () -> Uni.createFrom().item(List.of(order)));
        ctx.state.intent = t.task.script();
        ctx.handoff = new TurnContext.HandoffNeed(reason, t.transferReason != null ? "HIGH" : "NORMAL", t.task.orderId(), null);
        return ctx;
    }

    /** Memory slot of the last turn number written (a call's conversation is written only by its exchanges). */
    private static final String SEQ = "seq";

    private static int lastSeq(DialogState state) {
        return Integer.parseInt(state.slots.getOrDefault(SEQ, "0"));
    }

    private static Uni<Void> native_(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        }).replaceWithVoid();
    }

    private static Spoken spoken(CallTurn t) {
        return new Spoken(t.conversation.lang, List.copyOf(t.say), t.ask, t.transferReason != null);
    }

    /** The call's conversation: one per answered attempt. */
    public static String conversationId(UUID callId) {
        return "call-" + callId;
    }

    private static String key(UUID callId, String exchange) {
        return "call-" + UUID.nameUUIDFromBytes((callId + ":" + exchange).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> facts(CallTask task) {
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode node = json.readTree(task.facts());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable facts of call task %s: %s", task.id(), e.getOriginalMessage());
        }
        return out;
    }

    private DialogState readState(String state) {
        try {
            return json.readValue(state, DialogState.class);
        } catch (JsonProcessingException e) {
            return new DialogState();
        }
    }

    private String writeState(DialogState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean concurrentWrite(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
