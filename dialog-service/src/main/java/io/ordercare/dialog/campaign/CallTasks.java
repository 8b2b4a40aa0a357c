package io.ordercare.dialog.campaign;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The call tasks and their attempts, in SQL on the reactive pool: the scheduler's hot path (claiming due tasks
 * with {@code for update skip locked}, so two replicas never dial the same task) and every state change as one
 * conditional statement, so a repeated webhook changes nothing.
 */
@ApplicationScoped
public class CallTasks {

    @Inject
    Pool pool;

    /** A task to add; nothing is added when its episode already has one. */
    public record NewTask(UUID campaignId, String episode, String orderId, CampaignKind kind, String script,
            String phone, String lang, String zone, String channel, String facts, Instant nextAttemptAt,
            String outcome) {
    }

    /** An attempt that just ended, with its task. */
    public record EndedAttempt(UUID callId, UUID taskId, int attempt, boolean answeredByPerson, String answeredBy,
            int localHour, String phone) {
    }

    /** Adds the task unless its episode has one; true when added. */
    public Uni<Boolean> add(NewTask t, Instant now) {
        boolean done = t.outcome() != null;
        return pool.preparedQuery("insert into call_task (id, campaign_id, episode, order_id, kind, script, phone, lang, "
                + "zone, channel, status, outcome, facts, next_attempt_at, created_at, updated_at, done_at) values "
                + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16) "
                + "on conflict (episode) do nothing")
                .execute(Tuple.from(new Object[] { UUID.randomUUID(), t.campaignId(), t.episode(), t.orderId(),
                        t.kind().name(), t.script(), t.phone(), t.lang(), t.zone(), t.channel(),
                        done ? CallTask.DONE : CallTask.PENDING, t.outcome(), t.facts(), at(t.nextAttemptAt()), at(now),
                        done ? at(now) : null }))
                .map(rs -> rs.rowCount() == 1);
    }

    public Uni<Optional<CallTask>> get(UUID id) {
        return pool.preparedQuery("select " + CallTask.COLUMNS + " from call_task where id = $1").execute(Tuple.of(id))
                .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(CallTask.of(rs.iterator().next())));
    }

    public Uni<List<CallTask>> ofOrder(String orderId) {
        return pool.preparedQuery("select " + CallTask.COLUMNS + " from call_task where order_id = $1 order by created_at")
                .execute(Tuple.of(orderId)).map(CallTasks::tasks);
    }

    public Uni<List<CallTask>> ofCampaign(UUID campaignId, String outcome, int limit, int offset) {
        return pool.preparedQuery("select " + CallTask.COLUMNS + " from call_task where campaign_id = $1 "
                + "and ($2::text is null or outcome = $2) order by created_at, id limit $3 offset $4")
                .execute(Tuple.of(campaignId, outcome, limit, offset)).map(CallTasks::tasks);
    }

    /** Contacts of the campaign being dialled or in a call now. */
    public Uni<Integer> busy(UUID campaignId) {
        return pool.preparedQuery("select count(*) from call_task where campaign_id = $1 and status in ('DIALING', 'IN_CALL')")
                .execute(Tuple.of(campaignId)).map(rs -> rs.iterator().next().getInteger(0));
    }

    /** Takes up to {@code limit} due tasks for dialling: they are DIALING with one more attempt when this returns. */
    public Uni<List<CallTask>> claimDue(UUID campaignId, Instant now, int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("update call_task set status = 'DIALING', attempts = attempts + 1, updated_at = $3 "
                + "where id in (select id from call_task where campaign_id = $1 and status = 'PENDING' "
                + "and next_attempt_at <= $3 order by next_attempt_at limit $2 for update skip locked) "
                + "returning " + CallTask.COLUMNS)
                .execute(Tuple.of(campaignId, limit, at(now))).map(CallTasks::tasks);
    }

    public Uni<Void> attemptPlaced(CallTask t, UUID callId, Instant now, int localHour) {
        return pool.withTransaction(c -> c.preparedQuery("insert into call_attempt (id, task_id, attempt, placed_at, "
                + "local_hour) values ($1, $2, $3, $4, $5)").execute(Tuple.of(callId, t.id(), t.attempts(), at(now), localHour))
                .chain(() -> c.preparedQuery("update call_task set last_call_id = $2 where id = $1")
                        .execute(Tuple.of(t.id(), callId))))
                .replaceWithVoid();
    }

    public Uni<Void> callSid(UUID callId, String sid) {
        return pool.preparedQuery("update call_attempt set call_sid = $2 where id = $1 and call_sid is null")
                .execute(Tuple.of(callId, sid)).replaceWithVoid();
    }

    /** The attempt and its task, for a webhook. */
    public Uni<Optional<CallTask>> ofCall(UUID callId) {
        return pool.preparedQuery("select " + prefixed("t") + " from call_task t join call_attempt a on a.task_id = t.id "
                + "where a.id = $1").execute(Tuple.of(callId))
                .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(CallTask.of(rs.iterator().next())));
    }

    /** Someone (a person or a machine) picked up. */
    public Uni<Void> answered(UUID callId, UUID taskId, String answeredBy, String conversationId, Instant now) {
        return pool.withTransaction(c -> c.preparedQuery("update call_attempt set answered_at = coalesce(answered_at, $2), "
                + "answered_by = $3, conversation_id = coalesce($4, conversation_id) where id = $1")
                .execute(Tuple.of(callId, at(now), answeredBy, conversationId))
                .chain(() -> c.preparedQuery("update call_task set status = 'IN_CALL', updated_at = $2 where id = $1 "
                        + "and status = 'DIALING'").execute(Tuple.of(taskId, at(now)))))
                .replaceWithVoid();
    }

    /** The conversation of the call, once one was opened. */
    public Uni<Optional<String>> conversationOf(UUID callId) {
        return pool.preparedQuery("select conversation_id from call_attempt where id = $1").execute(Tuple.of(callId))
                .map(rs -> rs.size() == 0 ? Optional.<String>empty()
                        : Optional.ofNullable(rs.iterator().next().getString(0)));
    }

    /** Marks the attempt ended; empty when it had ended already (a repeated status callback). */
    public Uni<Optional<EndedAttempt>> attemptEnded(UUID callId, String status, Instant now) {
        return pool.preparedQuery("update call_attempt a set ended_at = $3, call_status = $2 from call_task t "
                + "where a.id = $1 and a.ended_at is null and t.id = a.task_id "
                + "returning a.id, a.task_id, a.attempt, a.answered_by, a.local_hour, t.phone")
                .execute(Tuple.of(callId, status, at(now))).map(rs -> {
                    if (rs.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rs.iterator().next();
                    String by = r.getString("answered_by");
                    return Optional.of(new EndedAttempt(r.getUUID("id"), r.getUUID("task_id"), r.getInteger("attempt"),
                            "human".equals(by) || "unknown".equals(by), by, r.getInteger("local_hour"),
                            r.getString("phone")));
                });
    }

    /**
     * Done with an outcome, unless it was done already, and in the same transaction the event telling it (written
     * to the outbox only when this call finished it); true when this call finished it.
     */
    public Uni<Boolean> finish(UUID taskId, Outcome outcome, Instant now, io.ordercare.platform.outbox.Outbox.Event told) {
        return pool.withTransaction(c -> c.preparedQuery("update call_task set status = 'DONE', outcome = $2, "
                + "done_at = $3, updated_at = $3 where id = $1 and status <> 'DONE'")
                .execute(Tuple.of(taskId, outcome.name(), at(now)))
                .chain(rs -> rs.rowCount() != 1 ? Uni.createFrom().item(false)
                        : io.ordercare.platform.outbox.Outbox.write(c, List.of(told)).replaceWith(true)));
    }

    /** Back to the queue for another attempt at {@code next}, unless it was done meanwhile. */
    public Uni<Boolean> retry(UUID taskId, Instant next, Instant now) {
        return pool.preparedQuery("update call_task set status = 'PENDING', next_attempt_at = $2, updated_at = $3 "
                + "where id = $1 and status <> 'DONE'").execute(Tuple.of(taskId, at(next), at(now)))
                .map(rs -> rs.rowCount() == 1);
    }

    /** Back to the queue without counting the attempt (it was claimed in quiet hours). */
    public Uni<Void> postpone(UUID taskId, Instant next, Instant now) {
        return pool.preparedQuery("update call_task set status = 'PENDING', next_attempt_at = $2, updated_at = $3, "
                + "attempts = attempts - 1 where id = $1 and status = 'DIALING'").execute(Tuple.of(taskId, at(next), at(now)))
                .replaceWithVoid();
    }

    /** Dials that never heard back from the platform: their ids, for ending them as failed. */
    public Uni<List<UUID>> stale(Instant placedBefore) {
        return pool.preparedQuery("select a.id from call_attempt a join call_task t on t.id = a.task_id "
                + "where t.status in ('DIALING', 'IN_CALL') and a.id = t.last_call_id and a.ended_at is null "
                + "and a.placed_at < $1 limit 500").execute(Tuple.of(at(placedBefore)))
                .map(rs -> {
                    List<UUID> ids = new ArrayList<>();
                    rs.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    /** Pending tasks of a cancelled campaign end as skipped. */
    public Uni<Integer> skipPending(UUID campaignId, Instant now) {
        return pool.preparedQuery("update call_task set status = 'DONE', outcome = 'SKIPPED', done_at = $2, updated_at = $2 "
                + "where campaign_id = $1 and status = 'PENDING'").execute(Tuple.of(campaignId, at(now)))
                .map(RowSet::rowCount);
    }

    /** Counts per status and outcome, how many finished in the last minute, and when the next one is due. */
    public record Counts(Map<String, Long> byStatus, Map<String, Long> byOutcome, long total, long doneLastMinute,
            Instant nextDue, long attempts) {
    }

    public Uni<Counts> counts(UUID campaignId, Instant now) {
        return pool.preparedQuery("select status, coalesce(outcome, '') as outcome, count(*) as n, sum(attempts) as a "
                + "from call_task where campaign_id = $1 group by status, outcome").execute(Tuple.of(campaignId))
                .chain(rs -> pool.preparedQuery("select count(*) filter (where done_at > $2), "
                        + "(select min(next_attempt_at) from call_task where campaign_id = $1 and status = 'PENDING') "
                        + "from call_task where campaign_id = $1 and done_at is not null")
                        .execute(Tuple.of(campaignId, at(now.minusSeconds(60)))).map(recent -> {
                            Map<String, Long> byStatus = new LinkedHashMap<>();
                            Map<String, Long> byOutcome = new LinkedHashMap<>();
                            long total = 0;
                            long attempts = 0;
                            for (Row r : rs) {
                                long n = r.getLong("n");
                                total += n;
                                attempts += r.getLong("a") == null ? 0 : r.getLong("a");
                                byStatus.merge(r.getString("status"), n, Long::sum);
                                if (!r.getString("outcome").isEmpty()) {
                                    byOutcome.merge(r.getString("outcome"), n, Long::sum);
                                }
                            }
                            Row r = recent.iterator().next();
                            Instant next = r.getOffsetDateTime(1) == null ? null : r.getOffsetDateTime(1).toInstant();
                            return new Counts(byStatus, byOutcome, total, r.getLong(0), next, attempts);
                        }));
    }

    static List<CallTask> tasks(RowSet<Row> rs) {
        List<CallTask> out = new ArrayList<>(rs.size());
        rs.forEach(r -> out.add(CallTask.of(r)));
        return out;
    }

    private static String prefixed(String alias) {
        StringBuilder b = new StringBuilder();
        for (String c : CallTask.COLUMNS.split(",\\s*")) {
            b.append(b.length() == 0 ? "" : ", ").append(alias).append('.').append(c);
        }
        return b.toString();
    }

    static java.time.OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
