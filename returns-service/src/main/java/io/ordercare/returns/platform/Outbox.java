package io.ordercare.returns.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/** Outbox rows, written in the transaction that made the change they report. */
public final class Outbox {

    /** One event to publish: its id, topic, record key (order id) and the CloudEvent JSON. */
    public record Event(UUID id, String topic, String key, String event) {
    }

    private Outbox() {
    }

    public static Uni<Void> write(SqlConnection conn, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n], keys = new String[n], bodies = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = events.get(i).id();
            topics[i] = events.get(i).topic();
            keys[i] = events.get(i).key();
            bodies[i] = events.get(i).event();
        }
        return conn.preparedQuery("""
                insert into outbox (id, topic, key, event)
                select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])""")
                .execute(Tuple.of(ids, topics, keys, bodies)).replaceWithVoid();
    }
}
