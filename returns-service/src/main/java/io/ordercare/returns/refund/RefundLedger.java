package io.ordercare.returns.refund;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the refund ledger. A refund row is unique per idempotency key ({@code insert ... on conflict do
 * nothing}), so whatever races past the application's checks, the database holds one refund per key.
 */
@ApplicationScoped
public class RefundLedger {

    /** A refund about to be written. */
    public record Draft(UUID id, String idempotencyKey, String requestHash, String orderId, String returnId,
            String kind, String status, long amountMinor, String currency, String paymentMethod, String reason,
            String reviewReason, String actor, List<Refund.Line> lines, String details) {
    }

    /** Inserts the refund and its lines; empty when a refund with the same idempotency key exists. */
    public Uni<Boolean> insert(SqlClient c, Draft d, Instant now) {
        OffsetDateTime t = ts(now);
        return c.preparedQuery("""
                insert into refund (id, idempotency_key, request_hash, order_id, return_id, kind, status, amount_minor,
                                    currency, payment_method, reason, review_reason, actor, next_attempt_at, details,
                                    created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $16)
                on conflict on constraint refund_once do nothing
                returning id""")
                .execute(Tuple.tuple().addValue(d.id()).addValue(d.idempotencyKey()).addValue(d.requestHash())
                        .addValue(d.orderId()).addValue(d.returnId()).addValue(d.kind()).addValue(d.status())
                        .addValue(d.amountMinor()).addValue(d.currency()).addValue(d.paymentMethod())
                        .addValue(d.reason()).addValue(d.reviewReason()).addValue(d.actor())
                        .addValue("PENDING".equals(d.status()) ? t : null).addValue(d.details()).addValue(t))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    if (d.lines().isEmpty()) {
                        return Uni.createFrom().item(true);
                    }
                    int n = d.lines().size();
                    Long[] items = new Long[n], amounts = new Long[n], shipping = new Long[n];
                    Integer[] quantities = new Integer[n];
                    for (int i = 0; i < n; i++) {
                        Refund.Line l = d.lines().get(i);
                        items[i] = l.itemId();
                        quantities[i] = l.quantity();
                        amounts[i] = l.amountMinor();
                        shipping[i] = l.shippingMinor();
                    }
                    return c.preparedQuery("""
                            insert into refund_line (refund_id, item_id, quantity, amount_minor, shipping_minor)
                            select $1, * from unnest($2::bigint[], $3::int[], $4::bigint[], $5::bigint[])""")
                            .execute(Tuple.of(d.id(), items, quantities, amounts, shipping)).replaceWith(true);
                });
    }

    public Uni<Optional<Refund>> byKey(SqlClient c, String key) {
        return c.preparedQuery("select * from refund where idempotency_key = $1").execute(Tuple.of(key))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<Refund>empty())
                        : withLines(c, rows.iterator().next()).map(Optional::of));
    }

    public Uni<Optional<Refund>> byId(SqlClient c, UUID id) {
        return c.preparedQuery("select * from refund where id = $1").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<Refund>empty())
                        : withLines(c, rows.iterator().next()).map(Optional::of));
    }

    /** The request hash stored with a key, to tell a retry from a different request reusing the key. */
    public Uni<Optional<String>> hashOf(SqlClient c, String key) {
        return c.preparedQuery("select request_hash from refund where idempotency_key = $1").execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<List<Refund>> byOrder(SqlClient c, String orderId) {
        return c.preparedQuery("select id from refund where order_id = $1 order by created_at").execute(Tuple.of(orderId))
                .chain(rows -> {
                    List<Uni<Refund>> all = new ArrayList<>();
                    rows.forEach(r -> all.add(byId(c, r.getUUID("id")).map(Optional::orElseThrow)));
                    return all.isEmpty() ? Uni.createFrom().item(List.<Refund>of())
                            : Uni.join().all(all).andFailFast();
                });
    }

    public Uni<List<Refund>> byStatus(SqlClient c, String status, int limit) {
        return c.preparedQuery("select id from refund where status = $1 order by created_at limit $2")
                .execute(Tuple.of(status, limit))
                .chain(rows -> {
                    List<Uni<Refund>> all = new ArrayList<>();
                    rows.forEach(r -> all.add(byId(c, r.getUUID("id")).map(Optional::orElseThrow)));
                    return all.isEmpty() ? Uni.createFrom().item(List.<Refund>of())
                            : Uni.join().all(all).andFailFast();
                });
    }

    /** Units of each item of the order already refunded (returns and refunds without return), for proration. */
    public Uni<Map<Long, Integer>> refundedUnits(SqlClient c, String orderId) {
        return units(c, """
                select l.item_id, sum(l.quantity)::int from refund_line l join refund r on r.id = l.refund_id
                 where r.order_id = $1 and r.status <> 'REJECTED' and r.kind in ('RETURN', 'REFUND_ONLY')
                 group by l.item_id""", orderId);
    }

    /**
     * Units of each item no longer available to a new return or refund: those in returns still holding them
     * (not rejected, not failed at inspection) and those refunded without a return.
     */
    public Uni<Map<Long, Integer>> takenUnits(SqlClient c, String orderId) {
        return units(c, """
                select item_id, sum(q)::int from (
                  select i.item_id, i.quantity as q from return_item i join return_request r on r.id = i.return_id
                   where r.order_id = $1 and r.status <> 'REJECTED' and coalesce(r.inspection_passed, true)
                  union all
                  select l.item_id, l.quantity from refund_line l join refund f on f.id = l.refund_id
                   where f.order_id = $1 and f.status <> 'REJECTED' and f.kind = 'REFUND_ONLY') as t
                 group by item_id""", orderId);
    }

    private Uni<Map<Long, Integer>> units(SqlClient c, String sql, String orderId) {
        return c.preparedQuery(sql).execute(Tuple.of(orderId)).map(rows -> {
            Map<Long, Integer> m = new HashMap<>();
            rows.forEach(r -> m.put(r.getLong(0), r.getInteger(1)));
            return m;
        });
    }

    private Uni<Refund> withLines(SqlClient c, Row r) {
        UUID id = r.getUUID("id");
        return c.preparedQuery("select * from refund_line where refund_id = $1 order by item_id").execute(Tuple.of(id))
                .map(rows -> {
                    List<Refund.Line> lines = new ArrayList<>();
                    rows.forEach(l -> lines.add(new Refund.Line(l.getLong("item_id"), l.getInteger("quantity"),
                            l.getLong("amount_minor"), l.getLong("shipping_minor"))));
                    return new Refund(id, r.getString("idempotency_key"), r.getString("order_id"),
                            r.getString("return_id"), r.getString("kind"), r.getString("status"),
                            r.getLong("amount_minor"), r.getString("currency"), r.getString("payment_method"),
                            r.getString("reason"), r.getString("review_reason"), r.getString("actor"),
                            r.getInteger("attempts"), r.getString("provider_ref"),
                            r.getOffsetDateTime("created_at").toInstant(),
                            r.getOffsetDateTime("paid_at") == null ? null : r.getOffsetDateTime("paid_at").toInstant(),
                            lines);
                });
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
