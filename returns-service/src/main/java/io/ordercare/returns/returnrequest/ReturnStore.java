package io.ordercare.returns.returnrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.returns.platform.Refusal;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of return requests, their items and their status history; on the caller's connection. */
@ApplicationScoped
public class ReturnStore {

    @Inject
    ObjectMapper json;

    /** The columns a transition or a decision needs, read under a row lock. */
    public record Row0(String id, String orderId, String kind, String reason, String status, String currency,
            String paymentMethod, long orderTotalMinor, String orderItems, String returnShippingPayer,
            String carrier, String trackingNumber, UUID refundId, long version, Exchange exchange, UUID chargeId) {

        public ReturnStatus statusValue() {
            return ReturnStatus.valueOf(status);
        }
    }

    /** The replacement an exchange shipped: SKU, its parcel and the price difference (positive: dearer). */
    public record Exchange(String replacementSku, String carrier, String trackingNumber, long priceDifferenceMinor) {
    }

    public record NewReturn(String id, String orderId, String platform, String kind, String reason, boolean opened,
            String note, String status, String requestId, String eligibility, String returnShippingPayer,
            String currency, String paymentMethod, long orderTotalMinor, String orderItems, String actor,
            List<ReturnView.Item> items) {
    }

    /** Inserts the return; false when its request id was used already. */
    public Uni<Boolean> insert(SqlClient c, NewReturn r, Instant now) {
        OffsetDateTime t = ts(now);
        return c.preparedQuery("""
                insert into return_request (id, order_id, platform, kind, reason, opened, note, status, request_id,
                                            eligibility, return_shipping_payer, currency, payment_method,
                                            order_total_minor, order_items, actor, created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15::jsonb, $16, $17, $17)
                on conflict (request_id) do nothing""")
                .execute(Tuple.tuple().addValue(r.id()).addValue(r.orderId()).addValue(r.platform()).addValue(r.kind())
                        .addValue(r.reason()).addValue(r.opened()).addValue(r.note()).addValue(r.status())
                        .addValue(r.requestId()).addValue(r.eligibility()).addValue(r.returnShippingPayer())
                        .addValue(r.currency()).addValue(r.paymentMethod()).addValue(r.orderTotalMinor())
                        .addValue(r.orderItems()).addValue(r.actor()).addValue(t))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    int n = r.items().size();
                    Long[] ids = new Long[n], prices = new Long[n];
                    String[] skus = new String[n], names = new String[n], categories = new String[n];
                    Integer[] quantities = new Integer[n];
                    for (int i = 0; i < n; i++) {
                        ReturnView.Item it = r.items().get(i);
                        ids[i] = it.itemId();
                        skus[i] = it.sku();
                        names[i] = it.name();
                        categories[i] = it.category();
                        quantities[i] = it.quantity();
                        prices[i] = it.unitPriceMinor();
                    }
                    return c.preparedQuery("""
                            insert into return_item (return_id, item_id, sku, name, category, quantity, unit_price_minor)
                            select $1, * from unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[],
                                                     $7::bigint[])""")
                            .execute(Tuple.tuple(List.of(r.id(), ids, skus, names, categories, quantities, prices)))
                            .replaceWith(true);
                });
    }

    public Uni<Optional<String>> idForRequest(SqlClient c, String requestId) {
        return c.preparedQuery("select id from return_request where request_id = $1").execute(Tuple.of(requestId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** The return, locked for this transaction. */
    public Uni<Row0> lock(SqlClient c, String id) {
        return c.preparedQuery("select * from return_request where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Refusal.notFound("return-not-found", "no return " + id, id);
                    }
                    return row(rows.iterator().next());
                });
    }

    /** The return as it is now, not locked (checks before a transaction, which checks again under the lock). */
    public Uni<Row0> find(SqlClient c, String id) {
        return c.preparedQuery("select * from return_request where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Refusal.notFound("return-not-found", "no return " + id, id);
                    }
                    return row(rows.iterator().next());
                });
    }

    /** The return a return-parcel scan is about (by return id, else by carrier + tracking number), locked. */
    public Uni<Optional<Row0>> lockForParcel(SqlClient c, String returnId, String carrier, String trackingNumber) {
        return c.preparedQuery("""
                select * from return_request
                 where id = $1 or (carrier = $2 and tracking_number = $3)
                 order by (id = $1) desc limit 1 for update""")
                .execute(Tuple.of(returnId == null ? "" : returnId, carrier == null ? "" : carrier,
                        trackingNumber == null ? "" : trackingNumber))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    /** Moves the return to {@code to} and records the transition; FAILED_PRECONDITION when not allowed. */
    public Uni<Row0> move(SqlClient c, Row0 r, ReturnStatus to, String cause, Instant now) {
        if (!r.statusValue().canMoveTo(to)) {
            return Uni.createFrom().failure(Refusal.precondition("return-state",
                    "return " + r.id() + " is " + r.status() + ", cannot move to " + to, r.id(), r.status(), to.name()));
        }
        return c.preparedQuery("""
                update return_request set status = $2, version = version + 1, updated_at = $3 where id = $1""")
                .execute(Tuple.of(r.id(), to.name(), ts(now)))
                .chain(() -> transition(c, r.id(), r.status(), to.name(), cause, now))
                .replaceWith(() -> new Row0(r.id(), r.orderId(), r.kind(), r.reason(), to.name(), r.currency(),
                        r.paymentMethod(), r.orderTotalMinor(), r.orderItems(), r.returnShippingPayer(), r.carrier(),
                        r.trackingNumber(), r.refundId(), r.version() + 1, r.exchange(), r.chargeId()));
    }

    public Uni<Void> transition(SqlClient c, String id, String from, String to, String cause, Instant now) {
        return c.preparedQuery("""
                insert into return_transition (return_id, from_status, to_status, at, cause) values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.tuple().addValue(id).addValue(from).addValue(to).addValue(ts(now)).addValue(cause))
                .replaceWithVoid();
    }

    public Uni<Void> setPickup(SqlClient c, String id, Instant start, Instant end, String carrier, String number) {
        return c.preparedQuery("""
                update return_request set pickup_slot_start = $2, pickup_slot_end = $3, carrier = $4,
                       tracking_number = $5 where id = $1""")
                .execute(Tuple.of(id, ts(start), ts(end), carrier, number)).replaceWithVoid();
    }

    public Uni<Void> setInspection(SqlClient c, String id, boolean passed, String note) {
        return c.preparedQuery("update return_request set inspection_passed = $2, inspection_note = $3 where id = $1")
                .execute(Tuple.of(id, passed, note)).replaceWithVoid();
    }

    public Uni<Void> setRefund(SqlClient c, String id, UUID refundId) {
        return c.preparedQuery("update return_request set refund_id = $2 where id = $1")
                .execute(Tuple.of(id, refundId)).replaceWithVoid();
    }

    /** Records the replacement an exchange shipped. */
    public Uni<Void> setExchange(SqlClient c, String id, Exchange e) {
        return c.preparedQuery("""
                update return_request set replacement_sku = $2, replacement_carrier = $3,
                       replacement_tracking_number = $4, price_difference_minor = $5 where id = $1""")
                .execute(Tuple.of(id, e.replacementSku(), e.carrier(), e.trackingNumber(), e.priceDifferenceMinor()))
                .replaceWithVoid();
    }

    /** Links the charge of a dearer replacement (ledger kind EXCHANGE_CHARGE). */
    public Uni<Void> setCharge(SqlClient c, String id, UUID chargeId) {
        return c.preparedQuery("update return_request set charge_id = $2 where id = $1")
                .execute(Tuple.of(id, chargeId)).replaceWithVoid();
    }

    public Uni<List<ReturnView.Item>> items(SqlClient c, String id) {
        return c.preparedQuery("""
                select i.*, r.currency from return_item i join return_request r on r.id = i.return_id
                 where i.return_id = $1 order by i.item_id""").execute(Tuple.of(id))
                .map(rows -> {
                    List<ReturnView.Item> items = new ArrayList<>();
                    rows.forEach(r -> items.add(new ReturnView.Item(r.getLong("item_id"), r.getString("sku"),
                            r.getString("name"), r.getString("category"), r.getInteger("quantity"),
                            r.getLong("unit_price_minor"), r.getString("currency"))));
                    return items;
                });
    }

    public Uni<ReturnView> view(SqlClient c, String id) {
        return c.preparedQuery("select * from return_request where id = $1").execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(Refusal.notFound("return-not-found", "no return " + id, id));
                    }
                    Row r = rows.iterator().next();
                    return items(c, id).chain(items -> history(c, id).map(history -> view(r, items, history)));
                });
    }

    public Uni<List<ReturnView>> byOrder(SqlClient c, String orderId) {
        return c.preparedQuery("select id from return_request where order_id = $1 order by created_at, id")
                .execute(Tuple.of(orderId))
                .chain(rows -> {
                    List<Uni<ReturnView>> all = new ArrayList<>();
                    rows.forEach(r -> all.add(view(c, r.getString(0))));
                    return all.isEmpty() ? Uni.createFrom().item(List.<ReturnView>of()) : Uni.join().all(all).andFailFast();
                });
    }

    private Uni<List<ReturnView.Transition>> history(SqlClient c, String id) {
        return c.preparedQuery("select * from return_transition where return_id = $1 order by id").execute(Tuple.of(id))
                .map(rows -> {
                    List<ReturnView.Transition> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new ReturnView.Transition(r.getString("from_status"),
                            r.getString("to_status"), r.getOffsetDateTime("at").toInstant(), r.getString("cause"))));
                    return list;
                });
    }

    private ReturnView view(Row r, List<ReturnView.Item> items, List<ReturnView.Transition> history) {
        JsonNode eligibility;
        try {
            eligibility = json.readTree(String.valueOf(r.getValue("eligibility")));
        } catch (Exception e) {
            eligibility = null;
        }
        return new ReturnView(r.getString("id"), r.getString("order_id"), r.getString("kind"), r.getString("reason"),
                r.getString("status"), r.getBoolean("opened"), r.getString("note"), items, eligibility,
                r.getString("return_shipping_payer"), instant(r, "pickup_slot_start"), instant(r, "pickup_slot_end"),
                r.getString("carrier"), r.getString("tracking_number"), r.getUUID("refund_id"), r.getUUID("charge_id"),
                exchange(r), r.getBoolean("inspection_passed"), r.getLong("version"), instant(r, "created_at"),
                instant(r, "updated_at"), history);
    }

    private static Exchange exchange(Row r) {
        String sku = r.getString("replacement_sku");
        if (sku == null) {
            return null;
        }
        Long diff = r.getLong("price_difference_minor");
        return new Exchange(sku, r.getString("replacement_carrier"), r.getString("replacement_tracking_number"),
                diff == null ? 0 : diff);
    }

    private static Row0 row(Row r) {
        return new Row0(r.getString("id"), r.getString("order_id"), r.getString("kind"), r.getString("reason"),
                r.getString("status"), r.getString("currency"), r.getString("payment_method"),
                r.getLong("order_total_minor"), String.valueOf(r.getValue("order_items")),
                r.getString("return_shipping_payer"), r.getString("carrier"), r.getString("tracking_number"),
                r.getUUID("refund_id"), r.getLong("version"), exchange(r), r.getUUID("charge_id"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
