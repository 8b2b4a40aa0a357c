package io.ordercare.dialog.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.dialog.platform.NotFoundException;
import io.ordercare.dialog.platform.OutboxPublisher;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.proto.order.v1.Order;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Campaigns and their contacts: the standing campaign of each kind (fed by events), campaigns started by hand for
 * a list of orders, a contact planned for an order (whom to call, in which language and time zone, when, or never
 * when the number is on the do-not-call list), what happens after an attempt reached nobody (the next calling slot,
 * or UNREACHABLE flagged on the order after the last attempt), pause, resume, cancel and completion.
 */
@ApplicationScoped
public class Campaigns {

    private static final Logger LOG = Logger.getLogger(Campaigns.class);

    @Inject
    CallTasks tasks;

    @Inject
    ContactBook contacts;

    @Inject
    ContactPolicy policy;

    @Inject
    OrderClient orders;

    @Inject
    CallsConfig config;

    @Inject
    DialogConfig dialogConfig;

    @Inject
    OutboxPublisher outbox;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** Campaigns by id, for the hot paths (webhooks, scheduler); dropped on every change of a campaign. */
    private final Map<UUID, Campaign> cache = new ConcurrentHashMap<>();

    /** What a campaign started by hand looks like; absent values take the configured defaults. */
    public record Settings(String name, CampaignKind kind, String callingWindow, Integer maxAttempts,
            Duration retrySpacing, Integer concurrency, Boolean bestTime) {
    }

    /** The standing campaigns, created on first start (the survey one paused unless surveys are switched on). */
    public Uni<Void> ensureStanding() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CampaignKind kind : CampaignKind.values()) {
            Campaign c = campaign(new Settings("auto " + kind.name().toLowerCase().replace('_', ' '), kind, null, null,
                    null, null, null), Campaign.Trigger.AUTO, null);
            c.id = Campaign.standingId(kind);
            if (config.standingPaused() || kind == CampaignKind.SURVEY && !config.survey()) {
                c.status = Campaign.Status.PAUSED;
            }
            // plain SQL: runs at start, outside any request; a replica that started first created it already
            all = all.chain(() -> pool.preparedQuery("insert into campaign (id, name, kind, trigger, status, calling_window, "
                    + "max_attempts, retry_spacing_seconds, concurrency, best_time, created_at) values "
                    + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (id) do nothing")
                    .execute(Tuple.from(new Object[] { c.id, c.name, c.kind.name(), c.trigger.name(), c.status.name(),
                            c.callingWindow, c.maxAttempts, c.retrySpacingSeconds, c.concurrency, c.bestTime,
                            CallTasks.at(c.createdAt) }))
                    .replaceWithVoid());
        }
        return all;
    }

    /** A campaign started by hand; the same idempotency key answers the campaign created the first time. */
    public Uni<Campaign> create(Settings s, String idempotencyKey) {
        Uni<Campaign> earlier = idempotencyKey == null ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> Campaign.<Campaign>find("idempotencyKey", idempotencyKey).firstResult());
        return earlier.chain(e -> e != null ? Uni.createFrom().item(e)
                : Panache.withTransaction(() -> campaign(s, Campaign.Trigger.MANUAL, idempotencyKey).<Campaign>persist()));
    }

    private Campaign campaign(Settings s, Campaign.Trigger trigger, String idempotencyKey) {
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.name = s.name() == null || s.name().isBlank() ? s.kind().name().toLowerCase() + " campaign" : s.name().strip();
        c.kind = s.kind();
        c.trigger = trigger;
        c.status = Campaign.Status.RUNNING;
        c.callingWindow = s.callingWindow() == null ? config.callingWindow() : s.callingWindow();
        c.maxAttempts = s.maxAttempts() == null ? config.maxAttempts() : s.maxAttempts();
        c.retrySpacingSeconds = (s.retrySpacing() == null ? config.retrySpacing() : s.retrySpacing()).toSeconds();
        c.concurrency = s.concurrency() == null ? config.concurrency() : s.concurrency();
        c.bestTime = s.bestTime() == null ? config.bestTime() : s.bestTime();
        c.idempotencyKey = idempotencyKey;
        c.createdAt = clock.instant();
        return c;
    }

    public Uni<Campaign> get(UUID id) {
        Campaign cached = cache.get(id);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> Campaign.<Campaign>findById(id)).invoke(c -> {
            if (c != null) {
                cache.put(id, c);
            }
        });
    }

    public Uni<Campaign> require(UUID id) {
        return get(id).onItem().ifNull().failWith(() -> new NotFoundException("campaign-not-found", id.toString()));
    }

    public Uni<List<Campaign>> list() {
        return Panache.withSession(() -> Campaign.<Campaign>find("order by createdAt desc").list());
    }

    /** Pause, resume or cancel; the version the operator saw guards against a concurrent change. */
    public Uni<Campaign> move(UUID id, Campaign.Status target, Long expectedVersion) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Campaign.<Campaign>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("campaign-not-found", id.toString()))
                .chain(c -> {
                    if (expectedVersion != null && c.version != expectedVersion) {
                        return Uni.createFrom().failure(new CampaignStateException("stale-version", c));
                    }
                    if (c.status == target) {
                        return Uni.createFrom().item(c);
                    }
                    boolean allowed = switch (target) {
                        case PAUSED -> c.status == Campaign.Status.RUNNING;
                        case RUNNING -> c.status == Campaign.Status.PAUSED;
                        case CANCELLED -> c.status == Campaign.Status.RUNNING || c.status == Campaign.Status.PAUSED;
                        case COMPLETED -> false;
                    };
                    if (!allowed) {
                        return Uni.createFrom().failure(new CampaignStateException("not-allowed", c));
                    }
                    c.status = target;
                    if (target == Campaign.Status.CANCELLED) {
                        c.finishedAt = now;
                    }
                    return Panache.flush().replaceWith(c);
                }))
                .invoke(c -> cache.remove(id))
                .call(c -> target == Campaign.Status.CANCELLED ? tasks.skipPending(id, now) : Uni.createFrom().voidItem());
    }

    /** Manual campaigns with nothing left to do are completed. */
    public Uni<Integer> completeFinished(Instant now) {
        return pool.preparedQuery("update campaign c set status = 'COMPLETED', finished_at = $1, version = version + 1 "
                + "where status = 'RUNNING' and trigger = 'MANUAL' "
                + "and (planning_until is null or planning_until < $1) "
                + "and (exists (select 1 from call_task t where t.campaign_id = c.id) or c.created_at < $1 - interval '1 minute') "
                + "and not exists (select 1 from call_task t where t.campaign_id = c.id and t.status <> 'DONE') returning id")
                .execute(Tuple.of(CallTasks.at(now))).map(rs -> {
                    rs.forEach(r -> cache.remove(r.getUUID(0)));
                    return rs.rowCount();
                });
    }

    /**
     * Orders are being added to the campaign (for at most {@code within}): it is not complete meanwhile, even when
     * every contact planned so far is done. Null clears it.
     */
    public Uni<Void> planning(UUID id, Duration within) {
        return pool.preparedQuery("update campaign set planning_until = $2 where id = $1")
                .execute(Tuple.of(id, within == null ? null : CallTasks.at(clock.instant().plus(within)))).replaceWithVoid();
    }

    /** Running campaigns: id and concurrency (the scheduler's list). */
    public Uni<List<Campaign>> running() {
        return Panache.withSession(() -> Campaign.<Campaign>find("status", Campaign.Status.RUNNING).list());
    }

    /**
     * Plans the contact for an order: the customer's number, language and zone from the order, a call or (for news,
     * when the customer prefers it) a message, the first attempt by the contact policy; a number on the do-not-call
     * list is done at once. False when the episode was planned before.
     */
    public Uni<Boolean> plan(Campaign c, Order o, String episode, Map<String, String> facts, String channel) {
        Instant now = clock.instant();
        String phone = phoneOf(o);
        if (phone == null) {
            LOG.infof("order %s has no phone number to call, %s contact skipped", o.getId(), c.kind);
            return Uni.createFrom().item(false);
        }
        ZoneId zone = policy.zoneOf(o.getShippingAddress());
        String lang = langOf(o);
        return contacts.preference(phone).chain(pref -> {
            String how = channel != null ? channel : CallTask.CALL;
            if (CallTask.CALL.equals(how) && pref.doNotCall()) {
                return tasks.add(new CallTasks.NewTask(c.id, episode, o.getId(), c.kind, c.kind.script(), phone, lang,
                        zone.getId(), how, facts(facts), now, Outcome.DO_NOT_CALL.name()), now);
            }
            Uni<Instant> first = CallTask.MESSAGE.equals(how) ? Uni.createFrom().item(policy.window(c).nextOpen(now, zone))
                    : policy.firstAttempt(c, phone, zone, now);
            return first.chain(at -> tasks.add(new CallTasks.NewTask(c.id, episode, o.getId(), c.kind, c.kind.script(),
                    phone, lang, zone.getId(), how, facts(facts), at, null), now));
        });
    }

    /**
     * After an attempt that reached no one (no answer, busy, failed, a machine, or a person who hung up before the
     * end): the next calling slot, or UNREACHABLE after the campaign's last attempt, flagged on the order for the
     * other channels.
     */
    public Uni<Void> attemptEnded(CallTasks.EndedAttempt ended) {
        Instant now = clock.instant();
        return contacts.callEnded(ended.phone(), ended.localHour(), ended.answeredByPerson())
                .chain(() -> tasks.get(ended.taskId()))
                .chain(found -> {
                    if (found.isEmpty() || CallTask.DONE.equals(found.get().status())) {
                        return Uni.createFrom().voidItem();
                    }
                    CallTask t = found.get();
                    return require(t.campaignId()).chain(c -> {
                        if (t.attempts() >= c.maxAttempts) {
                            return finish(t, Outcome.UNREACHABLE).chain(first -> !first ? Uni.createFrom().voidItem()
                                    : orders.flag(t.orderId(), "CUSTOMER_UNREACHABLE", "no answer to " + t.attempts()
                                            + " " + c.kind.name().toLowerCase() + " calls").replaceWithVoid()
                                            .onFailure().recoverWithItem(e -> {
                                                LOG.warnf("order %s not flagged unreachable: %s", t.orderId(), e.getMessage());
                                                return null;
                                            }));
                        }
                        return policy.retryAt(c, t.phone(), t.zoneId(), now)
                                .invoke(next -> LOG.debugf("task %s: attempt %d reached nobody, next at %s", t.id(),
                                        t.attempts(), next))
                                .chain(next -> tasks.retry(t.id(), next, now)).replaceWithVoid();
                    });
                });
    }

    /** Done with an outcome, and the outcome told on dialog.events (one transaction); false when it was done already. */
    public Uni<Boolean> finish(CallTask t, Outcome outcome) {
        Instant now = clock.instant();
        Outbox.Event e = outcomeEvent(t, outcome, now);
        return tasks.finish(t.id(), outcome, now, e)
                .call(first -> first ? outbox.publish(List.of(e)) : Uni.createFrom().voidItem());
    }

    /** {@code dialog.contact-completed} on dialog.events: which order, why it was contacted, how it ended. */
    public Outbox.Event outcomeEvent(CallTask t, Outcome outcome, Instant now) {
        ObjectNode data = json.createObjectNode();
        data.put("taskId", t.id().toString());
        data.put("campaignId", t.campaignId().toString());
        data.put("orderId", t.orderId());
        data.put("kind", t.kind().name());
        data.put("channel", t.channel());
        data.put("outcome", outcome.name());
        data.put("attempts", t.attempts());
        UUID id = UUID.randomUUID();
        return new Outbox.Event(id, dialogConfig.eventsTopic(), t.orderId(), json.valueToTree(
                CloudEvent.of(id.toString(), dialogConfig.eventSource(), "dialog.contact-completed", now, t.orderId(), data))
                .toString());
    }

    public static String phoneOf(Order o) {
        String p = o.getShippingAddress().getRecipientPhone();
        if (p == null || p.isBlank()) {
            p = o.getCustomer().getPhone();
        }
        return p == null || p.isBlank() ? null
                : io.ordercare.dialog.customer.Identity.phone(p).map(io.ordercare.dialog.customer.Identity::value).orElse(null);
    }

    public static String langOf(Order o) {
        String country = o.getShippingAddress().getCountry();
        return "ZH".equals(o.getShippingAddress().getFormat()) || "CN".equalsIgnoreCase(country)
                || "TW".equalsIgnoreCase(country) || "HK".equalsIgnoreCase(country) ? "zh" : "en";
    }

    private String facts(Map<String, String> facts) {
        return json.valueToTree(facts == null ? Map.of() : facts).toString();
    }

    /** One fact of the task's episode (e.g. the alert's sentence message.zh); empty when absent. */
    public String fact(CallTask t, String key) {
        try {
            return json.readTree(t.facts()).path(key).asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }

    public Optional<Campaign> cached(UUID id) {
        return Optional.ofNullable(cache.get(id));
    }

    /** A change the campaign's state does not allow (or a stale version). */
    public static final class CampaignStateException extends RuntimeException {
        public final String code;
        public final Campaign campaign;

        CampaignStateException(String code, Campaign c) {
            super("campaign " + c.id + " is " + c.status + ": " + code, null, false, false);
            this.code = code;
            this.campaign = c;
        }
    }
}
