package io.ordercare.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The transactional outbox of a service: events are written ({@link #write}) in the transaction that made
 * the change they report, sent after it commits ({@link #publish}) and sent again from the table if a crash or
 * a broker outage left them unsent ({@link #republish}). An event may thus go out twice, never not at all; its
 * id stays the same, so consumers drop the repeat. Published rows are kept for a while, then deleted
 * ({@link #purge}).
 *
 * <p>Each service has the table in its own schema:
 * <pre>
 * CREATE TABLE outbox (id uuid PRIMARY KEY, topic text NOT NULL, key text NOT NULL, event text NOT NULL,
 *                      created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
 * CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
 * CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
 * </pre>
 * and one bean that builds an {@code Outbox} with its emitter (one channel; each message names its topic) and
 * calls {@link #republish} and {@link #purge} on a schedule. Times are the database's wall clock, not the service's
 * injectable clock: this is about the broker, not business time.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** One event to publish: its id (the CloudEvent id), topic, record key and the CloudEvent JSON. */
    public record Event(UUID id, String topic, String key, String event) {
    }

    /** Rows deleted per statement by {@link #purge}: each delete is short and holds few locks. */
    static final int PURGE_BATCH = 5000;

    /** Statements per {@link #purge} call (at most 500,000 rows): a backlog is worked off over several calls. */
    static final int PURGE_MAX_BATCHES = 100;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;

    public Outbox(Pool pool, MutinyEmitter<String> emitter) {
        this.pool = pool;
        this.emitter = emitter;
    }

    /** Queues the events on the caller's connection, inside the caller's transaction, in one statement. */
    public static Uni<Void> write(SqlConnection conn, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n], keys = new String[n], bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            ids[i] = e.id();
            topics[i] = e.topic();
            keys[i] = e.key();
            bodies[i] = e.event();
        }
        return conn.preparedQuery("""
                insert into outbox (id, topic, key, event, created_at)
                select i, t, k, e, now() from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as x(i, t, k, e)""")
                .execute(Tuple.of(ids, topics, keys, bodies)).replaceWithVoid();
    }

    /** Sends the events (after their transaction committed), then marks them published; never fails. */
    public Uni<Void> publish(List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<UUID>> sends = new ArrayList<>(events.size());
        for (Event e : events) {
            sends.add(emitter.sendMessage(Message.of(e.event()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(e.topic()).withKey(e.key()).build()))
                    .replaceWith(e.id())
                    .onFailure().recoverWithItem(t -> {
                        LOG.warnf("event %s to %s not sent yet (it will be sent again): %s", e.id(), e.topic(),
                                t.getMessage());
                        return null;
                    }));
        }
        return Uni.join().all(sends).andCollectFailures()
                .chain(ids -> markPublished(ids.stream().filter(Objects::nonNull).toList()))
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("outbox: could not mark events published (they will be sent again): %s", t.getMessage());
                    return null;
                });
    }

    /** Sends again what is still unpublished after {@code olderThan}, up to 500 events a call; never fails. */
    public Uni<Void> republish(Duration olderThan) {
        return pool.preparedQuery("""
                select id, topic, key, event from outbox
                 where published_at is null and created_at < now() - make_interval(secs => $1)
                 order by created_at limit 500""")
                .execute(Tuple.of((double) olderThan.toMillis() / 1000))
                .chain(rows -> {
                    List<Event> events = new ArrayList<>();
                    rows.forEach(r -> events.add(new Event(r.getUUID("id"), r.getString("topic"), r.getString("key"),
                            r.getString("event"))));
                    if (!events.isEmpty()) {
                        LOG.infof("outbox: sending %d events again", events.size());
                    }
                    return publish(events);
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("outbox: republish failed (the next one retries): %s", t.getMessage());
                    return null;
                });
    }

    /**
     * Deletes the events published more than {@code keep} ago and returns how many; never fails (a failure is
     * logged and the rows deleted so far are counted; the next call goes on).
     *
     * <p>Without it the table only grows: every event a service ever sent stays, one row each. A published row is
     * of no use to the outbox itself; it is kept {@code keep} long only for people: to see what was sent and
     * when while debugging, and to send an event again by hand (set {@code published_at} back to null and the
     * republisher sends it, with its id). Unpublished rows are never deleted, however old: they are events still
     * owed to the broker.
     *
     * <p>Rows go in batches of {@value #PURGE_BATCH}, each its own short statement (rows another replica's purge
     * holds are skipped), until a batch comes back short or {@value #PURGE_MAX_BATCHES} batches ran, so one call
     * never runs long; a larger backlog is left to the next calls. The index on {@code published_at} (published
     * rows only) finds them.
     */
    public Uni<Integer> purge(Duration keep) {
        double keepSecs = (double) Math.max(0, keep.toMillis()) / 1000;
        return purgeBatches(keepSecs, 0, 0)
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("outbox: deleted %d events published more than %s ago", n, keep);
                    }
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("outbox: purge failed (the next one retries): %s", t.getMessage());
                    return 0;
                });
    }

    private Uni<Integer> purgeBatches(double keepSecs, int batches, int deleted) {
        return pool.preparedQuery("""
                delete from outbox where id in (
                  select id from outbox
                   where published_at is not null and published_at < now() - make_interval(secs => $1)
                   limit $2 for update skip locked)""")
                .execute(Tuple.of(keepSecs, PURGE_BATCH))
                .onItemOrFailure().transformToUni((rows, failure) -> {
                    if (failure != null) {
                        LOG.warnf("outbox: purge failed after %d rows (the next one goes on): %s", deleted,
                                failure.getMessage());
                        return Uni.createFrom().item(deleted);
                    }
                    int n = rows.rowCount();
                    if (n < PURGE_BATCH || batches + 1 >= PURGE_MAX_BATCHES) {
                        return Uni.createFrom().item(deleted + n);
                    }
                    return purgeBatches(keepSecs, batches + 1, deleted + n);
                });
    }

    private Uni<Void> markPublished(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update outbox set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }
}
