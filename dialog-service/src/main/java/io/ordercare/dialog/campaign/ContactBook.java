package io.ordercare.dialog.campaign;

import io.ordercare.dialog.campaign.contact.AnswerHistogram;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * What the service knows about reaching each customer, by phone number: the do-not-call list, the preferred
 * channel for news, and per local hour the calls placed, the calls answered and the orders placed (the best-time
 * model's evidence; their sum over all customers is its population prior, cached for a short while).
 */
@ApplicationScoped
public class ContactBook {

    /** The population prior changes slowly: read it at most this often. */
    private static final Duration POPULATION_TTL = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private volatile AnswerHistogram population;
    private volatile Instant populationAt = Instant.EPOCH;

    public record Preference(String phone, boolean doNotCall, String preferredChannel, String reason, Instant updatedAt) {
        static Preference none(String phone) {
            return new Preference(phone, false, CallTask.MESSAGE, null, null);
        }
    }

    public Uni<Preference> preference(String phone) {
        return pool.preparedQuery("select phone, do_not_call, preferred_channel, reason, updated_at from contact_preference "
                + "where phone = $1").execute(Tuple.of(phone)).map(rs -> {
                    if (rs.size() == 0) {
                        return Preference.none(phone);
                    }
                    Row r = rs.iterator().next();
                    return new Preference(phone, r.getBoolean("do_not_call"), r.getString("preferred_channel"),
                            r.getString("reason"), r.getOffsetDateTime("updated_at").toInstant());
                });
    }

    public Uni<Preference> setDoNotCall(String phone, boolean doNotCall, String reason, Instant now) {
        return pool.preparedQuery("insert into contact_preference (phone, do_not_call, reason, updated_at) "
                + "values ($1, $2, $3, $4) on conflict (phone) do update set do_not_call = excluded.do_not_call, "
                + "reason = excluded.reason, updated_at = excluded.updated_at, version = contact_preference.version + 1")
                .execute(Tuple.of(phone, doNotCall, reason, CallTasks.at(now))).chain(() -> preference(phone));
    }

    public Uni<Preference> setPreferredChannel(String phone, String channel, Instant now) {
        return pool.preparedQuery("insert into contact_preference (phone, preferred_channel, updated_at) "
                + "values ($1, $2, $3) on conflict (phone) do update set preferred_channel = excluded.preferred_channel, "
                + "updated_at = excluded.updated_at, version = contact_preference.version + 1")
                .execute(Tuple.of(phone, channel, CallTasks.at(now))).chain(() -> preference(phone));
    }

    /** An order the customer placed at a local hour (counted once per event). */
    public Uni<Void> orderPlaced(String eventId, String phone, int hour, Instant now) {
        return pool.withTransaction(c -> c.preparedQuery("insert into contact_hour_event (id, at) values ($1, $2) "
                + "on conflict do nothing").execute(Tuple.of(eventId, CallTasks.at(now))).chain(rs -> rs.rowCount() == 0
                        ? Uni.createFrom().voidItem()
                        : c.preparedQuery("insert into contact_hour (phone, hour, orders) values ($1, $2, 1) "
                                + "on conflict (phone, hour) do update set orders = contact_hour.orders + 1")
                                .execute(Tuple.of(phone, hour)).replaceWithVoid()));
    }

    /** A call placed at a local hour ended, answered by a person or not. */
    public Uni<Void> callEnded(String phone, int hour, boolean answered) {
        return pool.preparedQuery("insert into contact_hour (phone, hour, calls, answered) values ($1, $2, 1, $3) "
                + "on conflict (phone, hour) do update set calls = contact_hour.calls + 1, "
                + "answered = contact_hour.answered + excluded.answered")
                .execute(Tuple.of(phone, hour, answered ? 1 : 0)).replaceWithVoid();
    }

    public Uni<AnswerHistogram> histogram(String phone) {
        return pool.preparedQuery("select hour, calls, answered, orders from contact_hour where phone = $1")
                .execute(Tuple.of(phone)).map(ContactBook::histogramOf);
    }

    /** All customers together: the prior for customers the service knows little about. */
    public Uni<AnswerHistogram> population(Instant now) {
        AnswerHistogram cached = population;
        if (cached != null && populationAt.plus(POPULATION_TTL).isAfter(now)) {
            return Uni.createFrom().item(cached);
        }
        return pool.query("select hour, sum(calls)::bigint as calls, sum(answered)::bigint as answered, "
                + "sum(orders)::bigint as orders from contact_hour group by hour").execute()
                .map(ContactBook::histogramOf).invoke(h -> {
                    population = h;
                    populationAt = now;
                });
    }

    /** Forgets the cached population prior (tests that change the statistics). */
    public void refresh() {
        population = null;
    }

    private static AnswerHistogram histogramOf(io.vertx.mutiny.sqlclient.RowSet<Row> rs) {
        long[] calls = new long[24];
        long[] answered = new long[24];
        long[] orders = new long[24];
        for (Row r : rs) {
            int h = r.getInteger("hour");
            calls[h] = r.getLong("calls");
            answered[h] = r.getLong("answered");
            orders[h] = r.getLong("orders");
        }
        return AnswerHistogram.of(calls, answered, orders);
    }
}
