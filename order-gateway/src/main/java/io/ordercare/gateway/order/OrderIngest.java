package io.ordercare.gateway.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.gateway.anomaly.Anomaly;
import io.ordercare.gateway.anomaly.AnomalyRules;
import io.ordercare.gateway.anomaly.CustomerHistory;
import io.ordercare.gateway.anomaly.ItemFacts;
import io.ordercare.gateway.anomaly.OrderFacts;
import io.ordercare.gateway.customer.CustomerIdentity;
import io.ordercare.gateway.ingest.IncomingCustomer;
import io.ordercare.gateway.ingest.IncomingItem;
import io.ordercare.gateway.ingest.IncomingOrder;
import io.ordercare.gateway.ingest.IncomingPayment;
import io.ordercare.gateway.ingest.IncomingTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores new platform orders, many at a time, in one transaction: the customer behind each order is
 * found through its phone, email or platform account (or created), the anomaly rules run, and the
 * order, its items, payment, transactions, flags and first audit row are written with a handful of
 * batched statements instead of a dozen round trips per order. Idempotent on (platform, external
 * id): an order already stored (or twice in the same batch) is reported, not written again.
 *
 * <p>This is the only way orders enter; the webhook sends a batch of one, the topic consumer whole
 * polls. Changes to stored orders go through {@link OrderService}.
 */
@ApplicationScoped
public class OrderIngest {

    /** What became of one incoming order: its id, and whether this call stored it. */
    public record Ingested(String orderId, boolean created) {
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    AnomalyConfig anomalyConfig;

    @Inject
    ObjectMapper json;

    private final AnomalyRules rules = new AnomalyRules();

    /** One result per incoming order, in the same order. */
    @WithSpan("order.ingest")
    public Uni<List<Ingested>> ingest(List<IncomingOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(conn -> new Batch(conn, orders, clock.instant()).run())
                // the same order arriving twice at once (webhook and topic): one insert wins, and
                // the retry finds it stored
                .onFailure(OrderIngest::isUniqueViolation).retry().atMost(2);
    }

    private static boolean isUniqueViolation(Throwable t) {
        return t instanceof io.vertx.pgclient.PgException e && "23505".equals(e.getSqlState());
    }

    /** The work of one transaction; every query covers the whole batch. */
    private final class Batch {

        private final SqlConnection conn;
        private final List<IncomingOrder> incoming;
        private final Instant now;
        private final OffsetDateTime nowTs;
        /** platform:externalId → id of the order stored for it (before or by this batch). */
        private final Map<String, String> storedIds = new HashMap<>();
        /** identity (kind:value) → customer id. */
        private final Map<String, String> customerByIdentity = new HashMap<>();
        private final Map<String, CustomerHistory> history = new HashMap<>();
        private final Map<String, Integer> stock = new HashMap<>();
        private final List<NewOrder> fresh = new ArrayList<>();
        private final List<Tuple> newCustomers = new ArrayList<>();
        private final List<Tuple> newIdentities = new ArrayList<>();

        Batch(SqlConnection conn, List<IncomingOrder> incoming, Instant now) {
            this.conn = conn;
            this.incoming = incoming;
            this.now = now;
            this.nowTs = ts(now);
        }

        Uni<List<Ingested>> run() {
            return findStored()
                    .chain(this::findCustomers)
                    .chain(this::findStock)
                    .chain(this::resolveCustomersAndOrders)
                    .chain(this::findHistory)
                    .chain(this::allocateIds)
                    .chain(this::write)
                    .map(v -> results());
        }

        private Uni<Void> findStored() {
            List<String> platforms = new ArrayList<>();
            List<String> externalIds = new ArrayList<>();
            incoming.forEach(o -> {
                platforms.add(o.platform());
                externalIds.add(o.externalId());
            });
            return conn.preparedQuery("""
                    select o.id, o.platform, o.external_id from orders o
                    join unnest($1::text[], $2::text[]) as k(platform, external_id)
                      on o.platform = k.platform and o.external_id = k.external_id""")
                    .execute(Tuple.of((Object) platforms.toArray(String[]::new), (Object) externalIds.toArray(String[]::new)))
                    .invoke(rows -> rows.forEach(r -> storedIds.put(
                            key(r.getString("platform"), r.getString("external_id")), r.getString("id"))))
                    .replaceWithVoid();
        }

        private Uni<Void> findCustomers(Void ignored) {
            List<String> kinds = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (IncomingOrder o : incoming) {
                for (Claim c : claims(o.customer())) {
                    kinds.add(c.kind().name());
                    values.add(c.value());
                }
            }
            return conn.preparedQuery("""
                    select i.kind, i.value, i.customer_id from customer_identity i
                    join unnest($1::text[], $2::text[]) as k(kind, value) on i.kind = k.kind and i.value = k.value""")
                    .execute(Tuple.of((Object) kinds.toArray(String[]::new), (Object) values.toArray(String[]::new)))
                    .invoke(rows -> rows.forEach(r -> customerByIdentity.put(
                            r.getString("kind") + ":" + r.getString("value"), r.getString("customer_id"))))
                    .replaceWithVoid();
        }

        private Uni<Void> findStock(Void ignored) {
            String[] skus = incoming.stream().flatMap(o -> o.items().stream()).map(IncomingItem::sku).distinct()
                    .toArray(String[]::new);
            return conn.preparedQuery("select sku, available from inventory_level where sku = any($1)")
                    .execute(Tuple.of((Object) skus))
                    .invoke(rows -> rows.forEach(r -> stock.put(r.getString("sku"), r.getInteger("available"))))
                    .replaceWithVoid();
        }

        /**
         * Decides, in input order, which orders are new and who their customer is. Identities seen for
         * the first time are attached to the customer found, so the next order through another channel
         * lands on the same person; a customer new in this batch is known to the orders after it.
         */
        private Uni<Void> resolveCustomersAndOrders(Void ignored) {
            Set<String> existingCustomers = new HashSet<>();
            for (IncomingOrder o : incoming) {
                String key = key(o.platform(), o.externalId());
                if (storedIds.containsKey(key)) {
                    continue;
                }
                List<Claim> claims = claims(o.customer());
                String customerId = claims.stream().map(c -> customerByIdentity.get(c.key()))
                        .filter(Objects::nonNull).findFirst().orElse(null);
                boolean newCustomer = customerId == null;
                if (newCustomer) {
                    customerId = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
                    newCustomers.add(Tuple.of(customerId, o.customer().name(), nowTs));
                } else {
                    existingCustomers.add(customerId);
                }
                for (Claim c : claims) {
                    if (customerByIdentity.putIfAbsent(c.key(), customerId) == null) {
                        newIdentities.add(Tuple.of(customerId, c.kind().name(), c.value(), nowTs));
                    }
                }
                NewOrder order = new NewOrder(o, customerId, newCustomer);
                fresh.add(order);
                storedIds.put(key, NewOrder.PENDING);
            }
            history.putAll(existingCustomers.stream().collect(Collectors.toMap(Function.identity(),
                    id -> new CustomerHistory(null, 0, Set.of()))));
            return Uni.createFrom().voidItem();
        }

        private Uni<Void> findHistory(Void ignored) {
            if (history.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return conn.preparedQuery("""
                    select c.id, c.created_at, count(o.id) as orders,
                           coalesce(array_agg(distinct o.addr_city) filter (where o.addr_city is not null), '{}') as cities
                    from customer c left join orders o on o.customer_id = c.id
                    where c.id = any($1) group by c.id, c.created_at""")
                    .execute(Tuple.of((Object) history.keySet().toArray(String[]::new)))
                    .invoke(rows -> rows.forEach(r -> history.put(r.getString("id"), new CustomerHistory(
                            r.getOffsetDateTime("created_at").toInstant(), r.getLong("orders").intValue(),
                            new HashSet<>(Arrays.asList(r.getArrayOfStrings("cities")))))))
                    .replaceWithVoid();
        }

        private Uni<Void> allocateIds(Void ignored) {
            if (fresh.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            // payment ids are needed before their transactions are written; items, flags and audit rows
            // take theirs from their sequences inside the insert
            return conn.preparedQuery("""
                    select nextval('order_number_seq') as order_no, nextval('payment_seq') as payment_id
                    from generate_series(1, $1)""")
                    .execute(Tuple.of(fresh.size()))
                    .invoke(rows -> {
                        int i = 0;
                        for (Row r : rows) {
                            NewOrder o = fresh.get(i++);
                            o.id = "OC" + r.getLong("order_no");
                            o.paymentId = r.getLong("payment_id");
                            storedIds.put(key(o.in.platform(), o.in.externalId()), o.id);
                        }
                    })
                    .replaceWithVoid();
        }

        private Uni<Void> write(Void ignored) {
            if (fresh.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> orders = new ArrayList<>();
            List<Tuple> items = new ArrayList<>();
            List<Tuple> payments = new ArrayList<>();
            List<Tuple> transactions = new ArrayList<>();
            List<Tuple> flags = new ArrayList<>();
            List<Tuple> audit = new ArrayList<>();
            for (NewOrder o : fresh) {
                IncomingOrder in = o.in;
                List<Anomaly> anomalies = rules.check(facts(o), anomalyConfig.thresholds());
                OrderStatus status = anomalies.isEmpty() ? OrderStatus.PLACED : OrderStatus.ON_HOLD;
                String holdReason = anomalies.isEmpty() ? null
                        : anomalies.stream().map(a -> a.kind().name()).distinct().collect(Collectors.joining(","));
                var a = in.address();
                orders.add(Tuple.from(Arrays.asList(o.id, in.platform(), in.externalId(), o.customerId, status.name(),
                        holdReason, in.currency(), in.totalMinor(), a.format(), a.recipientName(), a.recipientPhone(),
                        a.country(), a.province(), a.city(), a.district(), a.street(), a.line2(), a.postalCode(),
                        ts(in.placedAt()), paid(in) ? ts(paidAt(in)) : null, nowTs)));
                int line = 1;
                for (IncomingItem i : in.items()) {
                    items.add(Tuple.from(Arrays.asList(o.id, line++, i.sku(), i.name(), i.category(), i.size(),
                            i.colour(), i.quantity(), i.unitPriceMinor(), i.listPriceMinor())));
                }
                IncomingPayment p = in.payment();
                payments.add(Tuple.from(Arrays.asList(o.paymentId, o.id, p.method(), p.status(), p.amountMinor(), in.currency(),
                        nowTs)));
                for (IncomingTransaction t : p.transactions()) {
                    transactions.add(Tuple.from(Arrays.asList(o.paymentId, t.kind(), t.status(), t.amountMinor(),
                            t.providerRef(), t.failureReason(), ts(t.at() == null ? now : t.at()))));
                }
                String actor = "ingest:" + in.platform().toLowerCase();
                audit.add(Tuple.from(Arrays.asList(o.id, "STATUS", actor, "order received", null,
                        document(Map.of("value", status.name())), nowTs)));
                if (!anomalies.isEmpty()) {
                    for (Anomaly anomaly : anomalies) {
                        flags.add(Tuple.of(o.id, anomaly.kind().name(), anomaly.detail(), nowTs));
                    }
                    audit.add(Tuple.from(Arrays.asList(o.id, "FLAG", actor, "order received", null,
                            document(Map.of("value", anomalies.stream()
                                    .map(x -> Map.of("kind", x.kind().name(), "detail", x.detail())).toList())),
                            nowTs)));
                }
            }
            return batch("insert into customer (id, name, created_at) values ($1, $2, $3)", newCustomers)
                    .chain(() -> batch("""
                            insert into customer_identity (id, customer_id, kind, value, created_at)
                            values (nextval('customer_identity_seq'), $1, $2, $3, $4) on conflict (kind, value) do nothing""",
                            newIdentities))
                    .chain(() -> batch("""
                            insert into orders (id, platform, external_id, customer_id, status, hold_reason, currency,
                                total_minor, addr_format, addr_recipient, addr_phone, addr_country, addr_province,
                                addr_city, addr_district, addr_street, addr_line2, addr_postal_code, placed_at, paid_at,
                                created_at, updated_at)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                                $19, $20, $21, $21)""", orders))
                    .chain(() -> batch("""
                            insert into order_item (id, order_id, line_no, sku, name, category, size, colour, quantity,
                                unit_price_minor, list_price_minor)
                            values (nextval('order_item_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""", items))
                    .chain(() -> batch("""
                            insert into payment (id, order_id, method, status, amount_minor, currency, updated_at)
                            values ($1, $2, $3, $4, $5, $6, $7)""", payments))
                    .chain(() -> batch("""
                            insert into payment_transaction (id, payment_id, kind, status, amount_minor, provider_ref,
                                failure_reason, at)
                            values (nextval('payment_transaction_seq'), $1, $2, $3, $4, $5, $6, $7)""", transactions))
                    .chain(() -> batch("""
                            insert into order_flag (id, order_id, kind, detail, raised_at)
                            values (nextval('order_flag_seq'), $1, $2, $3, $4)""", flags))
                    .chain(() -> batch("""
                            insert into audit_log (id, order_id, field, actor, reason, before_value, after_value, at)
                            values (nextval('audit_log_seq'), $1, $2, $3, $4, $5, $6, $7)""", audit));
        }

        private OrderFacts facts(NewOrder o) {
            IncomingOrder in = o.in;
            CustomerHistory customer = o.newCustomer
                    ? new CustomerHistory(now, 0, Set.of())
                    : history.getOrDefault(o.customerId, new CustomerHistory(null, 0, Set.of()));
            return new OrderFacts(
                    in.items().stream().map(i -> new ItemFacts(i.sku(), i.category(), i.quantity(), i.unitPriceMinor(),
                            i.listPriceMinor())).toList(),
                    in.totalMinor(), in.currency(), paid(in), in.address().city(), customer, stock, false, now);
        }

        private Uni<Void> batch(String sql, List<Tuple> rows) {
            return rows.isEmpty() ? Uni.createFrom().voidItem()
                    : conn.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
        }

        private List<Ingested> results() {
            Set<String> created = new HashSet<>();
            fresh.forEach(o -> created.add(o.id));
            List<Ingested> results = new ArrayList<>();
            Set<String> reported = new HashSet<>();
            for (IncomingOrder o : incoming) {
                String id = storedIds.get(key(o.platform(), o.externalId()));
                // the first mention of a new order created it; a repeat in the same batch did not
                results.add(new Ingested(id, created.contains(id) && reported.add(id)));
            }
            return results;
        }
    }

    private static final class NewOrder {
        static final String PENDING = "";
        final IncomingOrder in;
        final String customerId;
        final boolean newCustomer;
        String id;
        long paymentId;

        NewOrder(IncomingOrder in, String customerId, boolean newCustomer) {
            this.in = in;
            this.customerId = customerId;
            this.newCustomer = newCustomer;
        }
    }

    private record Claim(CustomerIdentity.Kind kind, String value) {
        String key() {
            return kind.name() + ":" + value;
        }
    }

    /** The platform account first: on an ingested order it is the strongest proof of who ordered. */
    private static List<Claim> claims(IncomingCustomer c) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        add(claims, CustomerIdentity.Kind.PLATFORM, c.platformAccount());
        add(claims, CustomerIdentity.Kind.PHONE, c.phone());
        add(claims, CustomerIdentity.Kind.EMAIL, c.email() == null ? null : c.email().toLowerCase());
        return List.copyOf(claims.values());
    }

    private static void add(Map<String, Claim> claims, CustomerIdentity.Kind kind, String value) {
        if (value != null && !value.isBlank()) {
            Claim c = new Claim(kind, value);
            claims.putIfAbsent(c.key(), c);
        }
    }

    private static boolean paid(IncomingOrder in) {
        return IncomingPayment.PAID.equals(in.payment().status());
    }

    private static Instant paidAt(IncomingOrder in) {
        return in.payment().transactions().stream()
                .filter(t -> IncomingTransaction.CHARGE.equals(t.kind()) && IncomingTransaction.SUCCEEDED.equals(t.status()))
                .map(IncomingTransaction::at).filter(Objects::nonNull).findFirst().orElse(in.placedAt());
    }

    private static String key(String platform, String externalId) {
        return platform + ":" + externalId;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A jsonb value for the pg client: a JsonObject (a plain String would be stored as a JSON string). */
    private JsonObject document(Map<String, ?> value) {
        try {
            return new JsonObject(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not serializable", e);
        }
    }
}
