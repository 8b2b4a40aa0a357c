package io.ordercare.returns.returnrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.platform.Messages;
import io.ordercare.returns.logistics.ReturnParcels;
import io.ordercare.returns.order.OrderClient;
import io.ordercare.returns.order.OrderFacts;
import io.ordercare.returns.order.OrderUnavailableException;
import io.ordercare.returns.platform.Money;
import io.ordercare.returns.platform.OrderLock;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.returns.platform.OutboxPublisher;
import io.ordercare.returns.platform.Refusal;
import io.ordercare.returns.platform.ReturnEvents;
import io.ordercare.returns.platform.ReturnsConfig;
import io.ordercare.returns.policy.PolicyCatalog;
import io.ordercare.returns.policy.ReturnPolicy;
import io.ordercare.returns.policy.ReturnReason;
import io.ordercare.returns.refund.Movements;
import io.ordercare.returns.refund.OrderMoney;
import io.ordercare.returns.refund.Refund;
import io.ordercare.returns.refund.RefundLedger;
import io.ordercare.returns.refund.RefundService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The use cases of return requests (RMA): the explained eligibility check, the request (approved or rejected at
 * once by the policy), the pickup, the moves driven by return-parcel scans, the inspection with its refund, the
 * exchange shipment and the close. Every change writes its transition and its events in one transaction.
 */
@ApplicationScoped
public class ReturnService {

    private static final Logger LOG = Logger.getLogger(ReturnService.class);
    private static final Pattern CARRIER = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,40}");
    private static final int MAX_SKU = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    Pool pool;

    @Inject
    ReturnStore store;

    @Inject
    RefundLedger ledger;

    @Inject
    RefundService refunds;

    @Inject
    OrderClient orders;

    @Inject
    PolicyCatalog policies;

    @Inject
    ReturnEvents events;

    @Inject
    OutboxPublisher publisher;

    @Inject
    ReturnParcels parcels;

    @Inject
    ReturnsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public record ItemQuantity(Long itemId, Integer quantity) {
    }

    /** What a caller asks: which items (none = all), a return or an exchange, why, opened or not. */
    public record ReturnCommand(String orderId, List<ItemQuantity> items, String kind, String reason, Boolean opened,
            String note, String requestId, String actor) {
    }

    public record PickupCommand(String slotStart, String slotEnd, String carrier, String trackingNumber, String origin) {
    }

    public record InspectionCommand(Boolean passed, String note, String actor) {
    }

    public record ExchangeShipment(String carrier, String trackingNumber, String replacementSku,
            Long priceDifferenceMinor, String actor) {
    }

    // ------------------------------------------------------------------------------------------------ eligibility

    public Uni<EligibilityView> check(ReturnCommand cmd) {
        List<FieldError> errors = validate(cmd, false);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        return orders.get(cmd.orderId()).chain(order -> {
            List<EligibilityRules.Line> lines = lines(cmd, order);
            return policies.all().chain(all -> ledger.takenUnits(pool, order.id())
                    .chain(taken -> ledger.refundedUnits(pool, order.id())
                            .map(refunded -> view(decide(order, all, cmd, lines, taken), order, refunded))));
        });
    }

    private EligibilityRules.Verdict decide(OrderFacts order, List<ReturnPolicy> all, ReturnCommand cmd,
            List<EligibilityRules.Line> lines, Map<Long, Integer> taken) {
        return EligibilityRules.check(order, all, lines, exchange(cmd), ReturnReason.parse(cmd.reason()).orElseThrow(),
                Boolean.TRUE.equals(cmd.opened()), taken, clock.instant());
    }

    EligibilityView view(EligibilityRules.Verdict v, OrderFacts order, Map<Long, Integer> refunded) {
        List<EligibilityView.Item> items = new ArrayList<>();
        for (EligibilityRules.ItemVerdict iv : v.items()) {
            ReturnPolicy p = iv.policy();
            items.add(new EligibilityView.Item(iv.item().id(), iv.item().sku(), iv.item().category(), iv.quantity(),
                    iv.eligible(), iv.rule().name(), explain(iv.rule(), iv.args()), p == null ? null : p.id(),
                    p == null ? null : p.version(), p == null ? null : p.platform() + "/" + p.category(), iv.deadline()));
        }
        Long estimate = null;
        if (v.eligible()) {
            OrderMoney money = RefundService.money(order);
            Map<Long, Integer> already = new HashMap<>(refunded);
            long sum = 0;
            for (EligibilityRules.ItemVerdict iv : v.items()) {
                int before = already.getOrDefault(iv.item().id(), 0);
                sum += money.refund(iv.item().id(), before, iv.quantity(), v.sellerPays()).totalMinor();
                already.put(iv.item().id(), before + iv.quantity());
            }
            estimate = sum;
        }
        return new EligibilityView(v.eligible(), v.rule().name(), explain(v.rule(), v.args()),
                v.sellerPays() ? "SELLER" : "BUYER", estimate, order.currency(), items);
    }

    private Map<String, String> explain(EligibilityRules.Rule rule, List<Object> args) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", sentence(Locale.ENGLISH, rule, args));
        m.put("zh", sentence(Messages.ZH, rule, args));
        return m;
    }

    private String sentence(Locale l, EligibilityRules.Rule rule, List<Object> args) {
        Object[] a = args.toArray();
        if (rule == EligibilityRules.Rule.NON_RETURNABLE_CATEGORY) {
            a = new Object[] { a[0], events.text(l, "nonreturnable." + a[1]) };
        }
        if (rule == EligibilityRules.Rule.NOT_DELIVERED) {
            a = new Object[] { events.text(l, "order-status." + a[0]) };
        }
        return events.text(l, "eligibility." + rule.name(), a);
    }

    // ---------------------------------------------------------------------------------------------------- request

    public Uni<ReturnView> request(ReturnCommand cmd) {
        List<FieldError> errors = validate(cmd, true);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        Uni<Optional<String>> earlier = cmd.requestId() == null || cmd.requestId().isBlank()
                ? Uni.createFrom().item(Optional.empty()) : store.idForRequest(pool, cmd.requestId());
        return earlier.chain(id -> id.isPresent() ? get(id.get()) : orders.get(cmd.orderId()).chain(order -> {
            List<EligibilityRules.Line> lines = lines(cmd, order);
            List<Outbox.Event> out = new ArrayList<>();
            String returnId = newId();
            return policies.all().chain(all -> pool.withTransaction(conn -> OrderLock.lock(conn, order.id())
                    .chain(() -> ledger.takenUnits(conn, order.id()))
                    .chain(taken -> ledger.refundedUnits(conn, order.id()).chain(refunded -> {
                        EligibilityRules.Verdict v = decide(order, all, cmd, lines, taken);
                        EligibilityView ev = view(v, order, refunded);
                        return insert(conn, returnId, order, cmd, v, ev, out);
                    }))))
                    .chain(created -> created ? publisher.publish(out).chain(() -> get(returnId))
                            : store.idForRequest(pool, cmd.requestId()).chain(x -> get(x.orElseThrow())));
        }));
    }

    private Uni<Boolean> insert(SqlConnection conn, String id, OrderFacts order, ReturnCommand cmd,
            EligibilityRules.Verdict v, EligibilityView ev, List<Outbox.Event> out) {
        Instant now = clock.instant();
        ReturnStatus decided = v.eligible() ? ReturnStatus.APPROVED : ReturnStatus.REJECTED;
        List<ReturnView.Item> items = v.items().stream().map(iv -> new ReturnView.Item(iv.item().id(), iv.item().sku(),
                iv.item().name(), iv.item().category(), iv.quantity(), iv.item().unitPriceMinor(), order.currency()))
                .toList();
        ArrayNode snapshot = json.createArrayNode();
        order.items().forEach(i -> snapshot.addObject().put("itemId", i.id()).put("quantity", i.quantity())
                .put("unitPriceMinor", i.unitPriceMinor()));
        String kind = exchange(cmd) ? "EXCHANGE" : "RETURN";
        String reason = ReturnReason.parse(cmd.reason()).orElseThrow().name();
        String actor = cmd.actor() == null || cmd.actor().isBlank() ? "customer" : cmd.actor();
        ReturnStore.NewReturn r = new ReturnStore.NewReturn(id, order.id(), order.platform(), kind, reason,
                Boolean.TRUE.equals(cmd.opened()), cmd.note(), decided.name(),
                cmd.requestId() == null || cmd.requestId().isBlank() ? null : cmd.requestId(), write(ev),
                ev.returnShippingPaidBy(), order.currency(), order.paymentMethod(), order.totalMinor(),
                snapshot.toString(), actor, items);
        return store.insert(conn, r, now).chain(created -> {
            if (!created) {
                return Uni.createFrom().item(false);
            }
            ObjectNode data = returnData(id, order.id(), kind, reason, items, "REQUESTED");
            out.add(events.event("return.requested", order.id(), data, id, order.id()));
            ObjectNode decidedData = returnData(id, order.id(), kind, reason, items, decided.name());
            decidedData.put("rule", ev.rule());
            decidedData.putPOJO("explanation", ev.explanation());
            decidedData.put("returnShippingPaidBy", ev.returnShippingPaidBy());
            if (ev.estimatedRefundMinor() != null) {
                decidedData.put("estimatedRefundMinor", ev.estimatedRefundMinor());
                decidedData.put("currency", ev.currency());
            }
            out.add(events.event(decided.eventType(), order.id(), decidedData,
                    l -> new Object[] { id, order.id(), ev.explanation().get(l.getLanguage().equals("zh") ? "zh" : "en") }));
            return store.transition(conn, id, null, "REQUESTED", "requested by " + actor, now)
                    .chain(() -> store.transition(conn, id, "REQUESTED", decided.name(), "policy: " + ev.rule(), now))
                    .chain(() -> snapshotPrices(conn, order, now))
                    .chain(() -> Outbox.write(conn, out))
                    .replaceWith(true);
        });
    }

    /** The prices paid at purchase, kept for disputes (first seen wins). */
    Uni<Void> snapshotPrices(SqlConnection conn, OrderFacts order, Instant now) {
        int n = order.items().size();
        Long[] ids = new Long[n], unit = new Long[n], list = new Long[n];
        String[] skus = new String[n];
        for (int i = 0; i < n; i++) {
            OrderFacts.Item it = order.items().get(i);
            ids[i] = it.id();
            unit[i] = it.unitPriceMinor();
            list[i] = it.listPriceMinor();
            skus[i] = it.sku();
        }
        return conn.preparedQuery("""
                insert into price_snapshot (order_id, item_id, sku, unit_price_minor, list_price_minor, currency,
                                            placed_at, captured_at)
                select $1, * , $6, $7, $8 from unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[])
                on conflict do nothing""")
                .execute(Tuple.tuple().addValue(order.id()).addValue(ids).addValue(skus).addValue(unit).addValue(list)
                        .addValue(order.currency()).addValue(ts(order.placedAt() == null ? now : order.placedAt()))
                        .addValue(ts(now)))
                .replaceWithVoid();
    }

    // ----------------------------------------------------------------------------------------------------- pickup

    public Uni<ReturnView> schedulePickup(String id, PickupCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        if (cmd == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("body", "required"));
        }
        Instant start = instant(cmd.slotStart(), "slotStart", errors);
        Instant end = instant(cmd.slotEnd(), "slotEnd", errors);
        if (start != null && !start.isAfter(now)) {
            errors.add(new FieldError("slotStart", "must_be_future", cmd.slotStart()));
        } else if (start != null && start.isAfter(now.plus(config.pickup().bookAhead()))) {
            errors.add(new FieldError("slotStart", "too_far_ahead", cmd.slotStart()));
        }
        if (start != null && end != null && (!end.isAfter(start)
                || end.isAfter(start.plus(config.pickup().maxSlot())))) {
            errors.add(new FieldError("slotEnd", "invalid_slot", cmd.slotEnd()));
        }
        String carrier = cmd.carrier() == null ? null : cmd.carrier().strip().toUpperCase(Locale.ROOT);
        if (carrier == null || carrier.isEmpty()) {
            errors.add(new FieldError("carrier", "required", null));
        } else if (!CARRIER.matcher(carrier).matches()) {
            errors.add(new FieldError("carrier", "invalid_carrier", cmd.carrier()));
        }
        String number = cmd.trackingNumber() == null ? null : cmd.trackingNumber().strip();
        if (number == null || number.isEmpty()) {
            errors.add(new FieldError("trackingNumber", "required", null));
        } else if (!TRACKING.matcher(number).matches()) {
            errors.add(new FieldError("trackingNumber", "invalid_tracking_number", cmd.trackingNumber()));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        List<Outbox.Event> out = new ArrayList<>();
        return pool.withTransaction(conn -> store.lock(conn, id)
                .chain(r -> store.move(conn, r, ReturnStatus.PICKUP_SCHEDULED,
                        "pickup " + start + " - " + end + ", " + carrier + " " + number, now))
                .call(r -> store.setPickup(conn, id, start, end, carrier, number))
                .call(r -> {
                    ObjectNode data = returnData(r.id(), r.orderId(), r.kind(), r.reason(), null, r.status());
                    data.put("pickupSlotStart", start.toString());
                    data.put("pickupSlotEnd", end.toString());
                    data.put("carrier", carrier);
                    data.put("trackingNumber", number);
                    String slot = slotText(start, end);
                    out.add(events.event("return.pickup-scheduled", r.orderId(), data, r.id(), r.orderId(), slot,
                            carrier, number));
                    return Outbox.write(conn, out);
                }))
                .onFailure(t -> t instanceof PgException e && "23505".equals(e.getSqlState()))
                .transform(t -> Refusal.precondition("parcel-in-use", "parcel already linked to another return",
                        carrier, number))
                .call(r -> publisher.publish(out))
                .call(r -> parcels.register(new ReturnParcels.Registration(r.id(), r.orderId(), carrier, number,
                        cmd.origin(), config.logistics().warehouseCity())))
                .chain(r -> get(id));
    }

    private static String slotText(Instant start, Instant end) {
        var s = start.atZone(EligibilityRules.CUSTOMER_ZONE);
        var e = end.atZone(EligibilityRules.CUSTOMER_ZONE);
        return s.toLocalDate() + " " + s.toLocalTime() + "-" + e.toLocalTime();
    }

    // ------------------------------------------------------------------------------------------------------ scans

    /** One scan of a return parcel, as logistics-watcher publishes it ({@code return-parcel.scanned}). */
    public record ParcelScan(String eventId, String returnId, String orderId, String carrier, String trackingNumber,
            String code, Instant scannedAt, String hub, String city) {
    }

    /**
     * Moves the return along by a scan of its parcel: picked up / in transit → IN_TRANSIT, delivered (back at the
     * warehouse) → RECEIVED. A scan seen before (same event id), a scan of no known return, and a scan that would
     * move the return back (a late one) change nothing.
     */
    public Uni<Boolean> applyScan(ParcelScan s) {
        ReturnStatus target = ReturnStatus.forScan(s.code());
        Instant now = clock.instant();
        List<Outbox.Event> out = new ArrayList<>();
        return pool.withTransaction(conn -> conn.preparedQuery(
                "insert into applied_event (id) values ($1) on conflict do nothing").execute(Tuple.of(s.eventId()))
                .chain(rows -> {
                    if (rows.rowCount() == 0 || target == null) {
                        return Uni.createFrom().item(false);
                    }
                    return store.lockForParcel(conn, s.returnId(), s.carrier(), s.trackingNumber()).chain(found -> {
                        if (found.isEmpty()) {
                            LOG.debugf("scan of parcel %s %s: no return of ours", s.carrier(), s.trackingNumber());
                            return Uni.createFrom().item(false);
                        }
                        ReturnStore.Row0 r = found.get();
                        if (!r.statusValue().canMoveTo(target)) {
                            LOG.debugf("return %s is %s: scan %s changes nothing", r.id(), r.status(), s.code());
                            return Uni.createFrom().item(false);
                        }
                        String where = s.hub() != null ? s.hub() : s.city() != null ? s.city() : "";
                        return store.move(conn, r, target, "scan " + s.code() + " " + s.scannedAt() + " " + where, now)
                                .chain(moved -> {
                                    ObjectNode data = returnData(moved.id(), moved.orderId(), moved.kind(),
                                            moved.reason(), null, moved.status());
                                    data.put("carrier", s.carrier());
                                    data.put("trackingNumber", s.trackingNumber());
                                    ObjectNode scan = data.putObject("scan");
                                    scan.put("code", s.code());
                                    scan.put("scannedAt", String.valueOf(s.scannedAt()));
                                    if (s.hub() != null) {
                                        scan.put("hub", s.hub());
                                    }
                                    if (s.city() != null) {
                                        scan.put("city", s.city());
                                    }
                                    out.add(events.event(target.eventType(), moved.orderId(), data, moved.id(),
                                            moved.orderId(), s.carrier(), s.trackingNumber(), where));
                                    return Outbox.write(conn, out).replaceWith(true);
                                });
                    });
                }))
                .call(() -> publisher.publish(out));
    }

    // ------------------------------------------------------------------------------------------------- inspection

    /**
     * The warehouse inspected the returned items. Passed: a return is refunded (key {@code return:<id>}), to manual
     * review when large or when order-gateway cannot confirm the order now; an exchange waits for its replacement.
     * Failed: the return is closed without refund.
     */
    public Uni<ReturnView> inspect(String id, InspectionCommand cmd) {
        if (cmd == null || cmd.passed() == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("passed", "required"));
        }
        if (cmd.actor() == null || cmd.actor().isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("actor", "required"));
        }
        List<Outbox.Event> out = new ArrayList<>();
        List<RefundService.Issued> issued = new ArrayList<>();
        Instant now = clock.instant();
        return store.view(pool, id).chain(current -> orders.get(current.orderId()).map(o -> false)
                .onFailure(OrderUnavailableException.class).recoverWithItem(true)
                .onFailure().recoverWithItem(false))
                .chain(degraded -> pool.withTransaction(conn -> store.lock(conn, id)
                        .chain(r -> store.move(conn, r, ReturnStatus.INSPECTED, "inspection by " + cmd.actor() + ": "
                                + (cmd.passed() ? "passed" : "failed"), now))
                        .call(r -> store.setInspection(conn, id, cmd.passed(), cmd.note()))
                        .chain(r -> {
                            ObjectNode data = returnData(r.id(), r.orderId(), r.kind(), r.reason(), null, r.status());
                            data.put("passed", cmd.passed());
                            out.add(events.event("return.inspected", r.orderId(), data, r.id(), r.orderId()));
                            if (!cmd.passed()) {
                                return store.move(conn, r, ReturnStatus.CLOSED, "inspection failed: "
                                        + (cmd.note() == null ? "" : cmd.note()), now).invoke(c -> {
                                            ObjectNode closed = returnData(c.id(), c.orderId(), c.kind(), c.reason(),
                                                    null, c.status());
                                            closed.put("inspectionPassed", false);
                                            out.add(events.event("return.closed", c.orderId(), closed, c.id(),
                                                    c.orderId()));
                                        }).replaceWithVoid();
                            }
                            if (!"RETURN".equals(r.kind())) {
                                return Uni.createFrom().voidItem();
                            }
                            return refundReturn(conn, r, cmd.actor(), degraded).invoke(issued::add)
                                    .chain(i -> store.setRefund(conn, id, i.refund().id()));
                        })
                        .chain(() -> Outbox.write(conn, out))))
                .chain(() -> publisher.publish(out))
                .chain(() -> issued.isEmpty() ? Uni.createFrom().voidItem() : refunds.afterCommit(issued.get(0)))
                .chain(() -> get(id));
    }

    private Uni<RefundService.Issued> refundReturn(SqlConnection conn, ReturnStore.Row0 r, String actor,
            boolean degraded) {
        return store.items(conn, r.id()).chain(items -> ledger.refundedUnits(conn, r.orderId()).chain(refunded -> {
            OrderMoney money = snapshotMoney(r);
            boolean shipping = "SELLER".equals(r.returnShippingPayer());
            List<Refund.Line> lines = new ArrayList<>();
            for (ReturnView.Item it : items) {
                OrderMoney.RefundLine l = money.refund(it.itemId(), refunded.getOrDefault(it.itemId(), 0),
                        it.quantity(), shipping);
                lines.add(new Refund.Line(it.itemId(), it.quantity(), l.amountMinor(), l.shippingMinor()));
            }
            long amount = lines.stream().mapToLong(l -> l.amountMinor() + l.shippingMinor()).sum();
            String key = "return:" + r.id();
            RefundLedger.Draft d = refunds.draft(key, RefundService.hash(key), r.orderId(), r.id(), "RETURN", amount,
                    r.currency(), r.paymentMethod(), r.reason(), actor, lines, null, degraded);
            return refunds.issue(conn, d);
        }));
    }

    private OrderMoney snapshotMoney(ReturnStore.Row0 r) {
        try {
            List<OrderMoney.Line> lines = new ArrayList<>();
            for (JsonNode n : json.readTree(r.orderItems())) {
                lines.add(new OrderMoney.Line(n.get("itemId").asLong(), n.get("quantity").asInt(),
                        n.get("unitPriceMinor").asLong()));
            }
            return OrderMoney.fromPaid(lines, r.orderTotalMinor());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable order snapshot of return " + r.id(), e);
        }
    }

    // --------------------------------------------------------------------------------------------------- exchange

    /**
     * The replacement of an inspected exchange leaves the warehouse. It must be in stock: order-gateway's inventory
     * snapshot ({@code GetStock}) must hold at least the exchanged quantity of the replacement SKU, else the shipment
     * is refused ({@code replacement-out-of-stock}) and nothing is written; order-gateway unreachable → refused as
     * unavailable, nothing written. A cheaper replacement refunds the difference once (key {@code exchange:<id>}); a
     * dearer one charges it once to the original payment method (ledger kind {@code EXCHANGE_CHARGE}, key
     * {@code exchange-charge:<id>}, paid in by {@link io.ordercare.returns.refund.RefundPayer} like a refund is paid
     * out: retried, reviewed above the manual-review threshold). The same shipment sent again answers the return as
     * it is and changes nothing.
     */
    public Uni<ReturnView> shipExchange(String id, ExchangeShipment cmd) {
        List<FieldError> errors = new ArrayList<>();
        if (cmd == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("body", "required"));
        }
        String carrier = cmd.carrier() == null ? "" : cmd.carrier().strip().toUpperCase(Locale.ROOT);
        if (!CARRIER.matcher(carrier).matches()) {
            errors.add(new FieldError("carrier", carrier.isEmpty() ? "required" : "invalid_carrier", cmd.carrier()));
        }
        String number = cmd.trackingNumber() == null ? "" : cmd.trackingNumber().strip();
        if (!TRACKING.matcher(number).matches()) {
            errors.add(new FieldError("trackingNumber", number.isEmpty() ? "required" : "invalid_tracking_number",
                    cmd.trackingNumber()));
        }
        String sku = cmd.replacementSku() == null ? "" : cmd.replacementSku().strip();
        if (sku.isEmpty()) {
            errors.add(new FieldError("replacementSku", "required", null));
        } else if (sku.length() > MAX_SKU) {
            errors.add(new FieldError("replacementSku", "too_long", null));
        }
        if (cmd.actor() == null || cmd.actor().isBlank()) {
            errors.add(new FieldError("actor", "required", null));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        ReturnStore.Exchange wanted = new ReturnStore.Exchange(sku, carrier, number,
                cmd.priceDifferenceMinor() == null ? 0 : cmd.priceDifferenceMinor());
        // checks that need no lock first: the stock check calls order-gateway, which no transaction should wait on
        return store.find(pool, id).chain(r -> {
            Optional<Boolean> early = shipmentDecided(r, wanted);
            if (early.isPresent()) {
                return get(id);
            }
            return store.items(pool, id).chain(items -> {
                int needed = items.stream().mapToInt(ReturnView.Item::quantity).sum();
                return orders.stock(sku).chain(stock -> {
                    if (stock.available() < needed) {
                        LOG.infof("exchange %s: replacement %s out of stock (%d needed, %d available, known %s)", id,
                                sku, needed, stock.available(), stock.known());
                        return Uni.createFrom().failure(new Refusal(Refusal.Kind.FAILED_PRECONDITION,
                                "replacement-out-of-stock", "replacement " + sku + " out of stock", sku,
                                String.valueOf(needed), String.valueOf(Math.max(stock.available(), 0))));
                    }
                    return ship(id, wanted, cmd.actor(), needed, stock.available());
                });
            });
        });
    }

    /**
     * Present (the shipment already recorded, to be answered as it is) when {@code wanted} repeats the exchange's
     * recorded shipment; empty when the exchange may ship now. Refused when it is not an exchange, or when it is past
     * inspection with another shipment, or not inspected yet.
     */
    private static Optional<Boolean> shipmentDecided(ReturnStore.Row0 r, ReturnStore.Exchange wanted) {
        if (!"EXCHANGE".equals(r.kind())) {
            throw Refusal.precondition("return-state", "not an exchange", r.id(), r.kind(),
                    ReturnStatus.EXCHANGE_SHIPPED.name());
        }
        if (wanted.equals(r.exchange())) {
            return Optional.of(true);
        }
        if (r.statusValue() != ReturnStatus.INSPECTED) {
            throw Refusal.precondition("return-state", "return " + r.id() + " is " + r.status()
                    + ", cannot move to " + ReturnStatus.EXCHANGE_SHIPPED, r.id(), r.status(),
                    ReturnStatus.EXCHANGE_SHIPPED.name());
        }
        return Optional.empty();
    }

    private Uni<ReturnView> ship(String id, ReturnStore.Exchange x, String actor, int needed, int available) {
        Instant now = clock.instant();
        List<Outbox.Event> out = new ArrayList<>();
        List<RefundService.Issued> issued = new ArrayList<>();
        long diff = x.priceDifferenceMinor();
        return pool.withTransaction(conn -> store.lock(conn, id).chain(locked -> {
            if (shipmentDecided(locked, x).isPresent()) {
                return Uni.createFrom().voidItem(); // a concurrent identical request shipped it meanwhile
            }
            return store.move(conn, locked, ReturnStatus.EXCHANGE_SHIPPED, "replacement " + x.carrier() + " "
                    + x.trackingNumber() + " sku " + x.replacementSku() + " (in stock: " + available + " available, "
                    + needed + " needed)", now)
                    .call(r -> store.setExchange(conn, id, x))
                    .chain(r -> money(conn, r, diff, actor).chain(i -> {
                        i.ifPresent(issued::add);
                        ObjectNode data = returnData(r.id(), r.orderId(), r.kind(), r.reason(), null, r.status());
                        data.put("carrier", x.carrier());
                        data.put("trackingNumber", x.trackingNumber());
                        data.put("replacementSku", x.replacementSku());
                        data.put("priceDifferenceMinor", diff);
                        data.put("currency", r.currency());
                        i.ifPresent(m -> data.put(diff < 0 ? "refundId" : "chargeId", m.refund().id().toString()));
                        out.add(events.event("exchange.shipped", r.orderId(), data, r.id(), r.orderId(), x.carrier(),
                                x.trackingNumber()));
                        return Outbox.write(conn, out);
                    }));
        }))
                .chain(() -> publisher.publish(out))
                .chain(() -> issued.isEmpty() ? Uni.createFrom().voidItem() : refunds.afterCommit(issued.get(0)))
                .chain(() -> get(id));
    }

    /** The difference of the replacement: refunded once when negative, charged once when positive, linked to the return. */
    private Uni<Optional<RefundService.Issued>> money(SqlConnection conn, ReturnStore.Row0 r, long diff, String actor) {
        if (diff == 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (diff < 0) {
            String key = "exchange:" + r.id();
            return refunds.issue(conn, refunds.draft(key, RefundService.hash(key, String.valueOf(diff)), r.orderId(),
                    r.id(), "EXCHANGE_DIFFERENCE", -diff, r.currency(), r.paymentMethod(),
                    "replacement cheaper by " + (-diff), actor, List.of(), null, false))
                    .call(i -> store.setRefund(conn, r.id(), i.refund().id())).map(Optional::of);
        }
        String key = "exchange-charge:" + r.id();
        return refunds.issue(conn, refunds.draft(key, RefundService.hash(key, String.valueOf(diff)), r.orderId(),
                r.id(), Movements.EXCHANGE_CHARGE, diff, r.currency(), r.paymentMethod(),
                "replacement dearer by " + diff, actor, List.of(), null, false))
                .call(i -> store.setCharge(conn, r.id(), i.refund().id())).map(Optional::of);
    }

    // ------------------------------------------------------------------------------------------------------ close

    public Uni<ReturnView> close(String id, String actor) {
        if (actor == null || actor.isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("actor", "required"));
        }
        Instant now = clock.instant();
        List<Outbox.Event> out = new ArrayList<>();
        return pool.withTransaction(conn -> store.lock(conn, id)
                .chain(r -> store.move(conn, r, ReturnStatus.CLOSED, "closed by " + actor, now))
                .chain(r -> {
                    out.add(events.event("return.closed", r.orderId(),
                            returnData(r.id(), r.orderId(), r.kind(), r.reason(), null, r.status()), r.id(), r.orderId()));
                    return Outbox.write(conn, out);
                }))
                .chain(() -> publisher.publish(out))
                .chain(() -> get(id));
    }

    public Uni<ReturnView> get(String id) {
        return store.view(pool, id);
    }

    public Uni<List<ReturnView>> byOrder(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("orderId", "required"));
        }
        return store.byOrder(pool, orderId);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private ObjectNode returnData(String id, String orderId, String kind, String reason, List<ReturnView.Item> items,
            String status) {
        ObjectNode data = events.data();
        data.put("returnId", id);
        data.put("orderId", orderId);
        data.put("kind", kind);
        data.put("reason", reason);
        data.put("status", status);
        if (items != null) {
            ArrayNode a = data.putArray("items");
            items.forEach(i -> a.addObject().put("itemId", i.itemId()).put("sku", i.sku()).put("quantity", i.quantity()));
        }
        return data;
    }

    private static boolean exchange(ReturnCommand cmd) {
        return "EXCHANGE".equalsIgnoreCase(cmd.kind());
    }

    /** The requested lines; none means every item of the order, whole quantity. Unknown items are refused. */
    private static List<EligibilityRules.Line> lines(ReturnCommand cmd, OrderFacts order) {
        if (cmd.items() == null || cmd.items().isEmpty()) {
            return order.items().stream().map(i -> new EligibilityRules.Line(i.id(), i.quantity())).toList();
        }
        List<FieldError> errors = new ArrayList<>();
        List<EligibilityRules.Line> lines = new ArrayList<>();
        for (int i = 0; i < cmd.items().size(); i++) {
            ItemQuantity iq = cmd.items().get(i);
            if (order.item(iq.itemId()).isEmpty()) {
                errors.add(new FieldError("items[" + i + "].itemId", "unknown_item", String.valueOf(iq.itemId())));
            } else {
                lines.add(new EligibilityRules.Line(iq.itemId(), iq.quantity()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return lines;
    }

    private static List<FieldError> validate(ReturnCommand cmd, boolean request) {
        List<FieldError> errors = new ArrayList<>();
        if (cmd == null) {
            return List.of(new FieldError("body", "required", null));
        }
        if (cmd.orderId() == null || cmd.orderId().isBlank()) {
            errors.add(new FieldError("orderId", "required", null));
        }
        if (cmd.kind() != null && !cmd.kind().isBlank() && !"RETURN".equalsIgnoreCase(cmd.kind())
                && !"EXCHANGE".equalsIgnoreCase(cmd.kind())) {
            errors.add(new FieldError("kind", "invalid_kind", cmd.kind()));
        }
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            errors.add(new FieldError("reason", "required", null));
        } else if (ReturnReason.parse(cmd.reason()).isEmpty()) {
            errors.add(new FieldError("reason", "invalid_reason", cmd.reason()));
        }
        if (cmd.items() != null) {
            var seen = new HashSet<Long>();
            for (int i = 0; i < cmd.items().size(); i++) {
                ItemQuantity iq = cmd.items().get(i);
                if (iq == null || iq.itemId() == null) {
                    errors.add(new FieldError("items[" + i + "].itemId", "required", null));
                } else if (!seen.add(iq.itemId())) {
                    errors.add(new FieldError("items[" + i + "].itemId", "duplicate_item", String.valueOf(iq.itemId())));
                }
                if (iq != null && (iq.quantity() == null || iq.quantity() <= 0)) {
                    errors.add(new FieldError("items[" + i + "].quantity", "must_be_positive",
                            String.valueOf(iq.quantity())));
                }
            }
        }
        if (request && cmd.note() != null && cmd.note().length() > 500) {
            errors.add(new FieldError("note", "too_long", null));
        }
        if (request && cmd.requestId() != null && cmd.requestId().length() > 128) {
            errors.add(new FieldError("requestId", "too_long", null));
        }
        return errors;
    }

    private static Instant instant(String s, String field, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(new FieldError(field, "required", null));
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid_instant", s));
            return null;
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        StringBuilder b = new StringBuilder("RMA");
        for (int i = 0; i < 12; i++) {
            b.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        return b.toString();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
