package io.ordercare.gateway.order;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.gateway.anomaly.Anomaly;
import io.ordercare.gateway.anomaly.FlagKind;
import io.ordercare.gateway.audit.AuditEntry;
import io.ordercare.gateway.audit.AuditLog;
import io.ordercare.gateway.inventory.InventoryLevel;
import io.ordercare.gateway.payment.Payment;
import io.ordercare.gateway.payment.PaymentTransaction;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;

/**
 * The changes to stored orders (new orders enter through {@link OrderIngest}). Each runs in one transaction: the change, its audit rows and any flags it
 * raises commit together (and Debezium streams them from there); a stale version fails the whole
 * thing. After the commit the cached view of the order is dropped.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);
    /** Whose calendar decides "today" for a promised delivery date: the suite's warehouses ship on Beijing time. */
    private static final ZoneId SHIPPING_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    OrderAnomalies anomalies;

    @Inject
    OrderReader reader;

    // ----------------------------------------------------------------------------------------
    // Changes
    // ----------------------------------------------------------------------------------------

    @WithSpan("order.change-address")
    public Uni<OrderView> changeAddress(@SpanAttribute("order.id") String orderId, long expectedVersion,
            OrderView.AddressView address, Actor actor) {
        return validated(() -> validateAddress(address)).chain(() -> change(orderId, expectedVersion, "change-address", OrderLifecycle::canChangeAddress, order -> {
            ShippingAddress before = order.address;
            ShippingAddress after = fromView(address);
            order.address = after;
            boolean paid = order.paidAt != null;
            return audit.record(orderId, AuditEntry.Field.ADDRESS, actor, OrderView.AddressView.of(before),
                    OrderView.AddressView.of(after))
                    .chain(() -> items(orderId))
                    .chain(items -> anomalies.evaluate(order, items, paid, paid))
                    .chain(flags -> holdIfFlagged(order, flags, actor));
        }));
    }

    @WithSpan("order.change-items")
    public Uni<OrderView> changeItems(@SpanAttribute("order.id") String orderId, long expectedVersion,
            List<ItemChange> changes, Actor actor) {
        return validated(() -> validateItemChanges(changes)).chain(() -> change(orderId, expectedVersion,
                "change-items", OrderLifecycle::canChangeItems, order -> items(orderId)
                .chain(items -> {
                    Map<Long, OrderItem> byId = items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
                    List<FieldError> unknown = new ArrayList<>();
                    for (int k = 0; k < changes.size(); k++) {
                        if (!byId.containsKey(changes.get(k).itemId())) {
                            unknown.add(new FieldError("changes[" + k + "].itemId", "unknown_item",
                                    String.valueOf(changes.get(k).itemId())));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        return Uni.createFrom().failure(new InvalidRequestException(unknown));
                    }
                    Object before = itemsSnapshot(items, order.totalMinor);
                    long linesBefore = linesTotal(items);
                    for (ItemChange c : changes) {
                        OrderItem item = byId.get(c.itemId());
                        if (c.quantity() != null) {
                            item.quantity = c.quantity();
                        }
                        if (c.size() != null && !c.size().isBlank()) {
                            item.size = c.size();
                        }
                        if (c.colour() != null && !c.colour().isBlank()) {
                            item.colour = c.colour();
                        }
                    }
                    order.totalMinor += linesTotal(items) - linesBefore;
                    order.itemsRevision++;
                    return audit.record(orderId, AuditEntry.Field.ITEMS, actor, before,
                            itemsSnapshot(items, order.totalMinor))
                            .chain(() -> anomalies.evaluate(order, items, order.paidAt != null, false))
                            .chain(flags -> holdIfFlagged(order, flags, actor));
                })));
    }

    @WithSpan("order.adjust-price")
    public Uni<OrderView> adjustPrice(@SpanAttribute("order.id") String orderId, long expectedVersion, Long itemId,
            Long unitPriceMinor, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (itemId == null) {
            errors.add(new FieldError("itemId", "required", null));
        }
        if (unitPriceMinor == null) {
            errors.add(new FieldError("unitPriceMinor", "required", null));
        } else if (unitPriceMinor < 0) {
            errors.add(new FieldError("unitPriceMinor", "must_not_be_negative", String.valueOf(unitPriceMinor)));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        return change(orderId, expectedVersion, "adjust-price", OrderLifecycle::canChangeItems, order -> items(orderId)
                .chain(items -> {
                    OrderItem item = items.stream().filter(i -> i.id.equals(itemId)).findFirst().orElse(null);
                    if (item == null) {
                        return Uni.createFrom().failure(InvalidRequestException.of("itemId", "unknown_item"));
                    }
                    Map<String, Object> before = Map.of("itemId", itemId, "unitPriceMinor", item.unitPriceMinor,
                            "totalMinor", order.totalMinor);
                    long linesBefore = linesTotal(items);
                    item.unitPriceMinor = unitPriceMinor;
                    order.totalMinor += linesTotal(items) - linesBefore;
                    order.itemsRevision++;
                    Map<String, Object> after = Map.of("itemId", itemId, "unitPriceMinor", unitPriceMinor,
                            "totalMinor", order.totalMinor);
                    // the price was settled with the customer: the price anomaly is handled
                    return audit.record(orderId, AuditEntry.Field.PRICE, actor, before, after)
                            .chain(() -> resolveFlags(order, FlagKind.PRICE_ANOMALY, actor));
                }));
    }

    /**
     * Puts another product on one line (ReplaceItem; see {@link ItemReplacement} for its rules). The short
     * product is off the order, so its STOCK_SHORTAGE is resolved; the rules then look at the new items and raise
     * what is still wrong (another line short, say). The status stays: a held order waits for its confirmation.
     */
    @WithSpan("order.replace-item")
    public Uni<OrderView> replaceItem(@SpanAttribute("order.id") String orderId, long expectedVersion, Long itemId,
            String sku, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (itemId == null) {
            errors.add(new FieldError("itemId", "required", null));
        }
        if (blank(sku)) {
            errors.add(new FieldError("sku", "required", null));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        String wanted = sku.strip();
        return change(orderId, expectedVersion, "replace-item", OrderLifecycle::canChangeItems, order -> items(orderId)
                .chain(items -> {
                    OrderItem item = items.stream().filter(i -> i.id.equals(itemId)).findFirst().orElse(null);
                    if (item == null) {
                        return Uni.createFrom().failure(new InvalidRequestException(List.of(
                                new FieldError("itemId", "unknown_item", String.valueOf(itemId)))));
                    }
                    return InventoryLevel.<InventoryLevel>findById(wanted).chain(substitute -> {
                        List<FieldError> problems = ItemReplacement.problems(item, wanted, substitute, order.currency);
                        if (!problems.isEmpty()) {
                            return Uni.createFrom().failure(new InvalidRequestException(problems));
                        }
                        int needed = ItemReplacement.needed(item, items, wanted);
                        if (substitute.available < needed) {
                            return Uni.createFrom().failure(new OutOfStockException(wanted, substitute.available,
                                    needed));
                        }
                        Object before = itemsSnapshot(items, order.totalMinor);
                        long linesBefore = linesTotal(items);
                        ItemReplacement.apply(item, substitute);
                        order.totalMinor += linesTotal(items) - linesBefore;
                        order.itemsRevision++;
                        return audit.record(orderId, AuditEntry.Field.ITEMS, actor, before,
                                itemsSnapshot(items, order.totalMinor))
                                .chain(() -> resolveFlags(order, FlagKind.STOCK_SHORTAGE, actor))
                                // written before the rules read the open flags, so a shortage elsewhere is raised anew
                                .chain(() -> Panache.flush())
                                .chain(() -> anomalies.evaluate(order, items, order.paidAt != null, false))
                                .chain(flags -> holdIfFlagged(order, flags, actor));
                    });
                }));
    }

    /**
     * A caller's flag on the order (FlagOrder): one of the kinds callers raise ({@link FlagKind#raisedByCallers()}),
     * with an optional detail. Neither the status nor the version changes, so no caller's version goes stale and
     * none is asked for. While a flag of that kind is open, nothing is raised and the order is answered as it is;
     * the order row is locked meanwhile, so two such calls at once raise one flag.
     */
    @WithSpan("order.flag")
    public Uni<OrderView> flag(@SpanAttribute("order.id") String orderId, String kind, String detail, Actor actor) {
        return Uni.createFrom().item(() -> callerFlagKind(kind, detail))
                .chain(flagKind -> Panache.withTransaction(() -> Order.<Order>findById(orderId,
                        LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> new OrderNotFoundException(orderId))
                        .chain(order -> OrderFlag.<OrderFlag>find("orderId = ?1 and kind = ?2 and resolvedAt is null",
                                orderId, flagKind).firstResult()
                                .chain(open -> {
                                    if (open != null) {
                                        LOG.debugf("order %s: %s already open, nothing raised", orderId, flagKind);
                                        return Uni.createFrom().voidItem();
                                    }
                                    OrderFlag raised = new OrderFlag();
                                    raised.orderId = orderId;
                                    raised.kind = flagKind;
                                    raised.detail = detail == null ? "" : detail.strip();
                                    raised.raisedAt = clock.instant();
                                    return raised.persist().chain(() -> auditFlags(order, List.of(raised), actor));
                                }))))
                .chain(() -> reader.invalidate(orderId))
                .chain(() -> reader.get(orderId));
    }

    @WithSpan("order.cancel")
    public Uni<OrderView> cancel(@SpanAttribute("order.id") String orderId, long expectedVersion, Actor actor) {
        return change(orderId, expectedVersion, "cancel", OrderLifecycle::canCancel, order -> {
            OrderStatus before = order.status;
            order.status = OrderStatus.CANCELLED;
            order.holdReason = null;
            return audit.record(orderId, AuditEntry.Field.STATUS, actor, before.name(), order.status.name())
                    .chain(() -> refundToOriginalMethod(order, actor));
        });
    }

    @WithSpan("order.confirm")
    public Uni<OrderView> confirm(@SpanAttribute("order.id") String orderId, long expectedVersion, Actor actor) {
        return change(orderId, expectedVersion, "confirm", OrderLifecycle::canConfirm, order -> {
            OrderStatus before = order.status;
            order.status = OrderStatus.CONFIRMED;
            order.holdReason = null;
            // whoever confirms a held order has looked at what held it
            return audit.record(orderId, AuditEntry.Field.STATUS, actor, before.name(), order.status.name())
                    .chain(() -> before == OrderStatus.ON_HOLD ? resolveFlags(order, null, actor)
                            : Uni.createFrom().voidItem());
        });
    }

    @WithSpan("order.change-status")
    public Uni<OrderView> changeStatus(@SpanAttribute("order.id") String orderId, long expectedVersion,
            OrderStatus target, Actor actor) {
        if (target == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("status", "required"));
        }
        if (target == OrderStatus.CANCELLED) {
            return cancel(orderId, expectedVersion, actor);
        }
        if (target == OrderStatus.CONFIRMED) {
            return confirm(orderId, expectedVersion, actor);
        }
        return change(orderId, expectedVersion, "change-status", s -> OrderLifecycle.canMove(s, target), target,
                order -> {
                    OrderStatus before = order.status;
                    order.status = target;
                    order.holdReason = target == OrderStatus.ON_HOLD ? actor.reason() : null;
                    return audit.record(orderId, AuditEntry.Field.STATUS, actor, before.name(), target.name())
                            .replaceWithVoid();
                });
    }

    /**
     * The order leaves the warehouse: status SHIPPED and its shipment (carrier, tracking number, origin,
     * promised date) in one write, so the one CDC event of that row carries both. Allowed wherever
     * SHIPPED may follow (from PACKING, or from ON_HOLD for a parcel sent again, whose new shipment
     * replaces the old one; the audit keeps both).
     */
    @WithSpan("order.ship")
    public Uni<OrderView> ship(@SpanAttribute("order.id") String orderId, long expectedVersion, String carrier,
            String trackingNumber, String origin, String promisedDeliveryDate, Actor actor) {
        return Uni.createFrom().item(() -> Shipment.of(carrier, trackingNumber, origin, promisedDeliveryDate,
                LocalDate.ofInstant(clock.instant(), SHIPPING_ZONE)))
                .chain(shipment -> change(orderId, expectedVersion, "ship",
                        s -> OrderLifecycle.canMove(s, OrderStatus.SHIPPED), OrderStatus.SHIPPED, order -> {
                            OrderStatus before = order.status;
                            OrderView.ShipmentView previous = OrderView.ShipmentView.of(order.shipment);
                            shipment.shippedAt = order.updatedAt;
                            order.shipment = shipment;
                            order.status = OrderStatus.SHIPPED;
                            order.holdReason = null;
                            return audit.record(orderId, AuditEntry.Field.STATUS, actor, before.name(),
                                    order.status.name())
                                    .chain(() -> audit.record(orderId, AuditEntry.Field.SHIPMENT, actor, previous,
                                            OrderView.ShipmentView.of(shipment)));
                        }));
    }

    // ----------------------------------------------------------------------------------------

    private interface Mutation {
        Uni<?> apply(Order order);
    }

    private Uni<OrderView> change(String orderId, long expectedVersion, String action,
            java.util.function.Predicate<OrderStatus> allowed, Mutation mutation) {
        return change(orderId, expectedVersion, action, allowed, null, mutation);
    }

    /**
     * Loads the order, checks the caller's version and the lifecycle, applies the mutation and
     * flushes, all in one transaction; Hibernate's version check catches a writer that slipped in
     * between our read and our write.
     */
    private Uni<OrderView> change(String orderId, long expectedVersion, String action,
            java.util.function.Predicate<OrderStatus> allowed, OrderStatus target, Mutation mutation) {
        return Panache.withTransaction(() -> Order.<Order>findById(orderId)
                .onItem().ifNull().failWith(() -> new OrderNotFoundException(orderId))
                .chain(order -> {
                    if (order.version != expectedVersion) {
                        return Uni.createFrom().failure(
                                new VersionConflictException(orderId, expectedVersion, order.version));
                    }
                    if (!allowed.test(order.status)) {
                        return Uni.createFrom().failure(new OrderStateException(orderId, order.status, action, target));
                    }
                    order.updatedAt = clock.instant();
                    return mutation.apply(order).chain(() -> Panache.flush()).replaceWith(order);
                }))
                .onFailure(OrderService::isStale).transform(e -> new VersionConflictException(orderId, expectedVersion,
                        expectedVersion + 1))
                .invoke(order -> LOG.debugf("order %s: %s applied, now version %d", orderId, action, order.version))
                .chain(order -> reader.invalidate(orderId))
                .chain(() -> reader.get(orderId));
    }

    /** Runs a validation so that its failure travels in the Uni, as every other failure does. */
    private static Uni<Void> validated(Runnable validation) {
        return Uni.createFrom().voidItem().invoke(validation);
    }

    private Uni<List<OrderItem>> items(String orderId) {
        return OrderItem.find("orderId = ?1 order by lineNo", orderId).list();
    }

    private Uni<Void> holdIfFlagged(Order order, List<OrderFlag> flags, Actor actor) {
        if (flags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OrderStatus before = order.status;
        boolean moved = hold(order, flags);
        Uni<Void> statusAudit = moved
                ? audit.record(order.id, AuditEntry.Field.STATUS, actor, before.name(), order.status.name()).replaceWithVoid()
                : Uni.createFrom().voidItem();
        return statusAudit.chain(() -> auditFlags(order, flags, actor));
    }

    /** Puts the order on hold for the given flags when its status allows; true when the status changed. */
    private static boolean hold(Order order, List<OrderFlag> flags) {
        String reason = flags.stream().map(f -> f.kind.name()).distinct().collect(Collectors.joining(","));
        if (order.status == OrderStatus.ON_HOLD) {
            order.holdReason = order.holdReason == null ? reason : order.holdReason + "," + reason;
            return false;
        }
        if (OrderLifecycle.canMove(order.status, OrderStatus.ON_HOLD) && order.status != OrderStatus.SHIPPED) {
            order.status = OrderStatus.ON_HOLD;
            order.holdReason = reason;
            return true;
        }
        return false;
    }

    private Uni<Void> auditFlags(Order order, List<OrderFlag> flags, Actor actor) {
        List<Map<String, String>> raised = flags.stream()
                .map(f -> Map.of("kind", f.kind.name(), "detail", f.detail)).toList();
        return audit.record(order.id, AuditEntry.Field.FLAG, actor, null, raised).replaceWithVoid();
    }

    /** Resolves the open flags of one kind, or all open flags when kind is null. */
    private Uni<Void> resolveFlags(Order order, FlagKind kind, Actor actor) {
        return OrderFlag.<OrderFlag>find("orderId = ?1 and resolvedAt is null", order.id).list()
                .chain(open -> {
                    List<OrderFlag> resolved = open.stream().filter(f -> kind == null || f.kind == kind).toList();
                    if (resolved.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    resolved.forEach(f -> f.resolvedAt = now);
                    return audit.record(order.id, AuditEntry.Field.FLAG, actor,
                            resolved.stream().map(f -> f.kind.name()).toList(), "RESOLVED").replaceWithVoid();
                });
    }

    /** A cancelled order's money goes back the way it came: a pending refund on each paid payment. */
    private Uni<Void> refundToOriginalMethod(Order order, Actor actor) {
        return Payment.<Payment>find("orderId = ?1", order.id).list().chain(payments -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            Instant now = clock.instant();
            for (Payment p : payments) {
                String before = p.status;
                if (Payment.PAID.equals(p.status)) {
                    p.status = Payment.REFUND_PENDING;
                    PaymentTransaction refund = new PaymentTransaction();
                    refund.paymentId = p.id;
                    refund.kind = "REFUND";
                    refund.status = "PENDING";
                    refund.amountMinor = p.amountMinor;
                    refund.at = now;
                    chain = chain.chain(() -> refund.persist()).replaceWithVoid();
                } else if (!Payment.CANCELLED.equals(p.status)) {
                    p.status = Payment.CANCELLED;
                } else {
                    continue;
                }
                p.updatedAt = now;
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("paymentId", p.id);
                after.put("status", p.status);
                after.put("refundMinor", Payment.REFUND_PENDING.equals(p.status) ? p.amountMinor : 0L);
                after.put("method", p.method);
                chain = chain.chain(() -> audit.record(order.id, AuditEntry.Field.PAYMENT, actor,
                        Map.of("paymentId", p.id, "status", before), after)).replaceWithVoid();
            }
            return chain;
        });
    }

    /** The goods part of the total; freight and other charges stay as the platform set them. */
    private static long linesTotal(List<OrderItem> items) {
        return items.stream().mapToLong(OrderItem::lineTotalMinor).sum();
    }

    private static Object itemsSnapshot(List<OrderItem> items, long totalMinor) {
        List<Map<String, Object>> lines = items.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("itemId", i.id);
            m.put("sku", i.sku);
            m.put("name", i.name);
            m.put("category", i.category);
            m.put("quantity", i.quantity);
            m.put("size", i.size);
            m.put("colour", i.colour);
            m.put("unitPriceMinor", i.unitPriceMinor);
            m.put("listPriceMinor", i.listPriceMinor);
            return m;
        }).toList();
        return Map.of("items", lines, "totalMinor", totalMinor);
    }

    private static ShippingAddress fromView(OrderView.AddressView a) {
        ShippingAddress s = new ShippingAddress();
        s.format = a.format() == null ? ("CN".equalsIgnoreCase(a.country()) ? "ZH" : "WESTERN") : a.format();
        s.recipientName = a.recipientName();
        s.recipientPhone = a.recipientPhone();
        s.country = a.country() == null ? null : a.country().toUpperCase();
        s.province = a.province();
        s.city = a.city();
        s.district = a.district();
        s.street = a.street();
        s.line2 = a.line2();
        s.postalCode = a.postalCode();
        return s;
    }

    private static void validateAddress(OrderView.AddressView a) {
        if (a == null) {
            throw InvalidRequestException.of("address", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(a.recipientName())) {
            errors.add(new FieldError("address.recipientName", "required", null));
        }
        if (blank(a.country())) {
            errors.add(new FieldError("address.country", "required", null));
        } else if (a.country().length() != 2) {
            errors.add(new FieldError("address.country", "invalid_value", a.country()));
        }
        if (blank(a.city())) {
            errors.add(new FieldError("address.city", "required", null));
        }
        if (blank(a.street())) {
            errors.add(new FieldError("address.street", "required", null));
        }
        if (a.format() != null && !a.format().equals("ZH") && !a.format().equals("WESTERN")) {
            errors.add(new FieldError("address.format", "invalid_value", a.format()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void validateItemChanges(List<ItemChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw InvalidRequestException.of("changes", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int k = 0; k < changes.size(); k++) {
            ItemChange c = changes.get(k);
            if (c.itemId() == null) {
                errors.add(new FieldError("changes[" + k + "].itemId", "required", null));
            }
            if (c.quantity() != null && c.quantity() <= 0) {
                errors.add(new FieldError("changes[" + k + "].quantity", "must_be_positive", String.valueOf(c.quantity())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** The kind a caller asked to raise; every invalid field listed (unknown or rule-only kind, over-long detail). */
    private static FlagKind callerFlagKind(String kind, String detail) {
        List<FieldError> errors = new ArrayList<>();
        FlagKind flagKind = null;
        if (blank(kind)) {
            errors.add(new FieldError("kind", "required", null));
        } else {
            try {
                flagKind = FlagKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
                if (!flagKind.raisedByCallers()) {
                    errors.add(new FieldError("kind", "reserved_flag_kind", kind));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "unknown_flag_kind", kind));
            }
        }
        if (detail != null && detail.strip().length() > Anomaly.MAX_DETAIL_LENGTH) {
            errors.add(new FieldError("detail", "too_long", null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return flagKind;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static boolean isStale(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StaleObjectStateException || c instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** Used by read-only callers that need the audit trail of an order. */
    public Uni<List<AuditEntry>> auditTrail(String orderId) {
        return Panache.withSession(() -> Order.findById(orderId)
                .onItem().ifNull().failWith(() -> new OrderNotFoundException(orderId))
                .chain(() -> audit.of(orderId)));
    }
}
