package io.ordercare.returns.platform;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Counts in the service's own database, to prove what was (not) written. */
public final class Db {

    private Db() {
    }

    public static long count(Pool pool, String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.wrap(java.util.Arrays.asList(args))).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
