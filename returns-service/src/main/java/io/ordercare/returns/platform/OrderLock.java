package io.ordercare.returns.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;

/**
 * Serializes the money decisions of one order across requests and replicas: a transaction-scoped advisory
 * lock on the order id, taken before quantities already returned or refunded are read, so two requests for
 * the same items can never both pass the "not refunded yet" check.
 */
public final class OrderLock {

    private OrderLock() {
    }

    public static Uni<Void> lock(SqlConnection conn, String orderId) {
        return conn.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(key(orderId))).replaceWithVoid();
    }

    static long key(String orderId) {
        // FNV-1a, 64 bits: stable across JVMs and replicas
        long h = 0xcbf29ce484222325L;
        for (byte b : ("order|" + orderId).getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
