package io.ordercare.returns.refund;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The audit log of money movements: every refund decided, reviewed, submitted to the provider, failed and paid,
 * with who, when, what (before and after, as JSON) and why. Written in the transaction of the change it records.
 * Amounts and statuses only: no names, phones or addresses.
 */
public final class AuditLog {

    private AuditLog() {
    }

    public static Uni<Void> record(SqlConnection conn, Instant at, String actor, String action, UUID refundId,
            String orderId, String before, String after, String reason) {
        return conn.preparedQuery("""
                insert into audit_log (at, actor, action, refund_id, order_id, before, after, reason)
                values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)""")
                .execute(Tuple.tuple().addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).addValue(actor)
                        .addValue(action).addValue(refundId).addValue(orderId).addValue(before).addValue(after)
                        .addValue(reason == null ? "" : reason))
                .replaceWithVoid();
    }

    /** {"status":..,"amountMinor":..,"currency":..} of a refund, the usual before/after. */
    public static String state(String status, long amountMinor, String currency) {
        return "{\"status\":\"" + status + "\",\"amountMinor\":" + amountMinor + ",\"currency\":\"" + currency + "\"}";
    }
}
