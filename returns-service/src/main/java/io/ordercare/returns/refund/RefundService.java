package io.ordercare.returns.refund;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.returns.order.OrderClient;
import io.ordercare.returns.order.OrderFacts;
import io.ordercare.returns.platform.Money;
import io.ordercare.returns.platform.OrderLock;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.returns.platform.OutboxPublisher;
import io.ordercare.returns.platform.Refusal;
import io.ordercare.returns.platform.ReturnEvents;
import io.ordercare.returns.platform.ReturnsConfig;
import io.ordercare.returns.policy.PolicyCatalog;
import io.ordercare.returns.policy.PolicySelection;
import io.ordercare.returns.policy.ReturnPolicy;
import io.ordercare.returns.policy.ReturnReason;
import io.ordercare.returns.returnrequest.ReturnStatus;
import io.ordercare.returns.returnrequest.ReturnStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The refund ledger's use cases. Every refund is written once per idempotency key, under the order's lock, with
 * its audit entry and its event in the same transaction; then it is paid by {@link RefundPayer} unless it waits
 * for manual review.
 */
@ApplicationScoped
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class);
    static final int MAX_KEY = 128;

    @Inject
    Pool pool;

    @Inject
    RefundLedger ledger;

    @Inject
    ReturnStore returns;

    @Inject
    OrderClient orders;

    @Inject
    PolicyCatalog policies;

    @Inject
    ReturnEvents events;

    @Inject
    OutboxPublisher publisher;

    @Inject
    RefundPayer payer;

    @Inject
    ReturnsConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** A refund of items without a return (e.g. never received), as callers ask for it. */
    public record ItemQuantity(Long itemId, Integer quantity) {
    }

    public record RefundCommand(String idempotencyKey, String orderId, List<ItemQuantity> items, String reason,
            String actor) {
    }

    /** The refund for a key, and whether this call created it (false: an earlier call with the same key did). */
    public record Issued(Refund refund, boolean created, List<Outbox.Event> events) {
    }

    public Uni<Issued> requestRefund(RefundCommand cmd) {
        List<FieldError> errors = validate(cmd);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        String hash = hash("REFUND_ONLY", cmd.orderId(), ReturnReason.parse(cmd.reason()).orElseThrow().name(), cmd.items().stream()
                .sorted(java.util.Comparator.comparing(ItemQuantity::itemId))
                .map(i -> i.itemId() + "x" + i.quantity()).toList().toString());
        // a retry of a refund already written needs neither order-gateway nor the lock
        return existing(pool, cmd.idempotencyKey(), hash).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(existing.get());
            }
            return orders.get(cmd.orderId()).chain(order -> policies.all().chain(all -> pool.withTransaction(conn ->
                    OrderLock.lock(conn, cmd.orderId())
                            .chain(() -> refundOnly(conn, order, all, cmd, hash)))))
                    .call(this::afterCommit);
        }).invoke(i -> registry.counter("ordercare.returns.refund.requests", "created", String.valueOf(i.created()))
                .increment());
    }

    /** The refund already written for the key; a different request under the same key is refused. */
    private Uni<Optional<Issued>> existing(io.vertx.mutiny.sqlclient.SqlClient c, String key, String hash) {
        return ledger.hashOf(c, key).chain(h -> {
            if (h.isEmpty()) {
                return Uni.createFrom().item(Optional.<Issued>empty());
            }
            if (!h.get().equals(hash)) {
                return Uni.createFrom().failure(Refusal.precondition("idempotency-key-reused",
                        "idempotency key reused for a different request", key));
            }
            return ledger.byKey(c, key).map(r -> Optional.of(new Issued(r.orElseThrow(), false, List.of())));
        });
    }

    private Uni<Issued> refundOnly(SqlConnection conn, OrderFacts order, List<ReturnPolicy> all, RefundCommand cmd,
            String hash) {
        return existing(conn, cmd.idempotencyKey(), hash).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(existing.get());
            }
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < cmd.items().size(); i++) {
                if (order.item(cmd.items().get(i).itemId()).isEmpty()) {
                    errors.add(new FieldError("items[" + i + "].itemId", "unknown_item",
                            String.valueOf(cmd.items().get(i).itemId())));
                }
            }
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidRequestException(errors));
            }
            if (!paid(order)) {
                return Uni.createFrom().failure(Refusal.precondition("order-not-paid",
                        "order " + order.id() + " has no successful charge", order.id()));
            }
            ReturnReason reason = ReturnReason.parse(cmd.reason()).orElseThrow();
            return ledger.takenUnits(conn, order.id()).chain(taken -> ledger.refundedUnits(conn, order.id())
                    .chain(refunded -> {
                        OrderMoney money = money(order);
                        List<Refund.Line> lines = new ArrayList<>();
                        Map<Long, Integer> already = new java.util.HashMap<>(refunded);
                        for (ItemQuantity iq : cmd.items()) {
                            OrderFacts.Item item = order.item(iq.itemId()).orElseThrow();
                            int left = item.quantity() - taken.getOrDefault(item.id(), 0);
                            if (iq.quantity() > left) {
                                return Uni.createFrom().failure(Refusal.precondition("quantity-exceeded",
                                        "only " + left + " left of item " + item.id(), item.id(), left));
                            }
                            boolean shipping = PolicySelection.pick(all, order.platform(), item.category(),
                                    order.placedAt()).map(p -> p.sellerPays(reason)).orElse(false);
                            int before = already.getOrDefault(item.id(), 0);
                            OrderMoney.RefundLine l = money.refund(item.id(), before, iq.quantity(), shipping);
                            already.put(item.id(), before + iq.quantity());
                            lines.add(new Refund.Line(item.id(), iq.quantity(), l.amountMinor(), l.shippingMinor()));
                        }
                        long amount = lines.stream().mapToLong(l -> l.amountMinor() + l.shippingMinor()).sum();
                        return issue(conn, draft(cmd.idempotencyKey(), hash, order.id(), null, "REFUND_ONLY", amount,
                                order.currency(), order.paymentMethod(), reason.name(), cmd.actor(), lines, null, false));
                    }));
        });
    }

    /** A draft refund, PENDING or MANUAL_REVIEW by {@link ReviewDecision}. */
    public RefundLedger.Draft draft(String key, String hash, String orderId, String returnId, String kind, long amount,
            String currency, String method, String reason, String actor, List<Refund.Line> lines, String details,
            boolean degraded) {
        String review = ReviewDecision.review(amount, config.refund().manualReviewAboveMinor(), degraded);
        return new RefundLedger.Draft(UUID.randomUUID(), key, hash, orderId, returnId, kind,
                review == null ? "PENDING" : "MANUAL_REVIEW", amount, currency, method, reason, review,
                actor == null || actor.isBlank() ? "returns-service" : actor, lines, details);
    }

    /**
     * Writes the refund on the caller's connection (inside its transaction): once per idempotency key, with its
     * audit entry and its event. A key already used for a different request is refused.
     */
    public Uni<Issued> issue(SqlConnection conn, RefundLedger.Draft d) {
        Instant now = clock.instant();
        return ledger.insert(conn, d, now).chain(created -> {
            if (!created) {
                return ledger.hashOf(conn, d.idempotencyKey()).chain(h -> {
                    if (h.isPresent() && !h.get().equals(d.requestHash())) {
                        return Uni.createFrom().failure(Refusal.precondition("idempotency-key-reused",
                                "idempotency key reused for a different request", d.idempotencyKey()));
                    }
                    return ledger.byKey(conn, d.idempotencyKey())
                            .map(r -> new Issued(r.orElseThrow(), false, List.of()));
                });
            }
            List<Outbox.Event> evts = new ArrayList<>();
            addEvent(evts, d, "MANUAL_REVIEW".equals(d.status()) ? "refund.manual-review" : "refund.issued");
            return AuditLog.record(conn, now, d.actor(), Movements.action(d.kind(), "MANUAL_REVIEW".equals(d.status())
                    ? "refund.held-for-review" : "refund.issued"), d.id(), d.orderId(), null, AuditLog.state(d.status(), d.amountMinor(),
                            d.currency()), d.kind() + (d.reviewReason() == null ? "" : ": " + d.reviewReason()))
                    .chain(() -> Outbox.write(conn, evts))
                    .chain(() -> ledger.byId(conn, d.id()))
                    .map(r -> new Issued(r.orElseThrow(), true, evts));
        });
    }

    /** After the transaction committed: publish its events and start paying a new refund. */
    public Uni<Void> afterCommit(Issued i) {
        return publisher.publish(i.events()).invoke(() -> {
            if (i.created() && "PENDING".equals(i.refund().status())) {
                payer.payLater(i.refund().id());
            }
        });
    }

    /** Adds the event of a ledger entry, named for its kind ({@link Movements#eventType}); some have none. */
    private void addEvent(List<Outbox.Event> out, RefundLedger.Draft d, String refundType) {
        String type = Movements.eventType(d.kind(), refundType);
        if (type != null) {
            out.add(refundEvent(d, type));
        }
    }

    private Outbox.Event refundEvent(RefundLedger.Draft d, String type) {
        ObjectNode data = events.data();
        data.put(Movements.idField(d.kind()), d.id().toString());
        data.put("orderId", d.orderId());
        if (d.returnId() != null) {
            data.put("returnId", d.returnId());
        }
        data.put("kind", d.kind());
        data.put("status", d.status());
        data.put("amountMinor", d.amountMinor());
        data.put("currency", d.currency());
        if (d.paymentMethod() != null) {
            data.put("paymentMethod", d.paymentMethod());
        }
        if (d.reviewReason() != null) {
            data.put("reviewReason", d.reviewReason());
        }
        return events.event(type, d.orderId(), data, Money.format(d.amountMinor(), d.currency()), d.orderId(),
                d.paymentMethod() == null ? "" : d.paymentMethod(), d.returnId() == null ? "" : d.returnId());
    }

    private void addEvent(List<Outbox.Event> out, Refund r, String refundType, String status) {
        addEvent(out, new RefundLedger.Draft(r.id(), r.idempotencyKey(), "", r.orderId(), r.returnId(), r.kind(),
                status, r.amountMinor(), r.currency(), r.paymentMethod(), r.reason(), r.reviewReason(), r.actor(),
                r.lines(), null), refundType);
    }

    /**
     * The provider confirmed the payout: the refund is PAID (once; a repeated confirmation changes nothing) and a
     * return it belongs to is REFUNDED.
     */
    public Uni<Void> markPaid(UUID refundId, String providerRef) {
        Instant now = clock.instant();
        List<Outbox.Event> out = new ArrayList<>();
        // the provider is the truth about money: a payout it confirms is paid, even if the refund had been sent to
        // review after attempts whose answers were lost
        return pool.withTransaction(conn -> conn.preparedQuery("""
                with prev as (select id, status from refund where id = $1 for update)
                update refund r set status = 'PAID', paid_at = $3, provider_ref = $2, updated_at = $3,
                       next_attempt_at = null, version = r.version + 1
                  from prev where r.id = prev.id and prev.status in ('PENDING', 'SUBMITTED', 'MANUAL_REVIEW')
                returning prev.status""")
                .execute(Tuple.of(refundId, providerRef, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    String before = rows.iterator().next().getString(0);
                    return ledger.byId(conn, refundId).map(Optional::orElseThrow).chain(r -> {
                        addEvent(out, r, "refund.paid", "PAID");
                        Uni<Void> audit = AuditLog.record(conn, now, "payment-provider",
                                Movements.action(r.kind(), "refund.paid"), r.id(),
                                r.orderId(), AuditLog.state(before, r.amountMinor(), r.currency()),
                                AuditLog.state("PAID", r.amountMinor(), r.currency()), "provider ref " + providerRef);
                        if (r.returnId() == null || !"RETURN".equals(r.kind())) {
                            return audit;
                        }
                        return audit.chain(() -> returns.lock(conn, r.returnId())).chain(rr -> {
                            if (rr.statusValue() != ReturnStatus.INSPECTED) {
                                return Uni.createFrom().voidItem();
                            }
                            return returns.move(conn, rr, ReturnStatus.REFUNDED, "refund " + r.id() + " paid", now)
                                    .invoke(moved -> out.add(returnEvent(moved.id(), moved.orderId(), "REFUNDED",
                                            r.amountMinor(), r.currency(), r.id())))
                                    .replaceWithVoid();
                        });
                    }).chain(() -> Outbox.write(conn, out));
                }))
                .chain(() -> publisher.publish(out));
    }

    private Outbox.Event returnEvent(String returnId, String orderId, String status, long amount, String currency,
            UUID refundId) {
        ObjectNode data = events.data();
        data.put("returnId", returnId);
        data.put("orderId", orderId);
        data.put("status", status);
        data.put("refundId", refundId.toString());
        data.put("amountMinor", amount);
        data.put("currency", currency);
        return events.event(ReturnStatus.valueOf(status).eventType(), orderId, data, returnId, orderId,
                Money.format(amount, currency));
    }

    /** A reviewer lets a refund waiting for review be paid. */
    public Uni<Refund> approve(UUID id, String actor, String note) {
        return review(id, actor, note, true);
    }

    /** A reviewer refuses a refund waiting for review; nothing is paid. */
    public Uni<Refund> reject(UUID id, String actor, String note) {
        return review(id, actor, note, false);
    }

    private Uni<Refund> review(UUID id, String actor, String note, boolean approve) {
        if (actor == null || actor.isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("actor", "required"));
        }
        Instant now = clock.instant();
        List<Outbox.Event> out = new ArrayList<>();
        String to = approve ? "PENDING" : "REJECTED";
        return pool.withTransaction(conn -> conn.preparedQuery("""
                update refund set status = $2, attempts = 0, next_attempt_at = case when $2 = 'PENDING' then $3::timestamptz end,
                       updated_at = $3, version = version + 1
                 where id = $1 and status = 'MANUAL_REVIEW' returning id""")
                .execute(Tuple.of(id, to, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .chain(rows -> ledger.byId(conn, id).map(r -> r.orElseThrow(() -> Refusal.notFound("refund-not-found",
                        "no refund " + id, id))).chain(r -> {
                            if (rows.rowCount() == 0) {
                                return Uni.createFrom().failure(Refusal.precondition("refund-state",
                                        "refund " + id + " is " + r.status(), id, r.status()));
                            }
                            if (!approve) {
                                addEvent(out, r, "refund.rejected", "REJECTED");
                            }
                            return AuditLog.record(conn, now, actor, Movements.action(r.kind(),
                                    approve ? "refund.approved" : "refund.rejected"), id,
                                    r.orderId(), AuditLog.state("MANUAL_REVIEW", r.amountMinor(), r.currency()),
                                    AuditLog.state(to, r.amountMinor(), r.currency()), note)
                                    .chain(() -> Outbox.write(conn, out)).replaceWith(r);
                        })))
                .call(() -> publisher.publish(out))
                .invoke(r -> {
                    if (approve) {
                        payer.payLater(id);
                    }
                });
    }

    public Uni<Refund> get(UUID id) {
        return ledger.byId(pool, id).map(r -> r.orElseThrow(() -> Refusal.notFound("refund-not-found",
                "no refund " + id, id)));
    }

    public Uni<List<Refund>> byOrder(String orderId) {
        return ledger.byOrder(pool, orderId);
    }

    public Uni<List<Refund>> byStatus(String status) {
        return ledger.byStatus(pool, status, 200);
    }

    /** Refunds each duplicate charge of the order once (key {@code duplicate-charge:<order>:<charge>}). */
    public Uni<List<Refund>> resolveDoubleCharge(String orderId, String actor) {
        if (orderId == null || orderId.isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("orderId", "required"));
        }
        return orders.get(orderId).chain(order -> {
            List<DuplicateChargeDetector.Duplicate> dups = DuplicateChargeDetector.detect(order);
            if (dups.isEmpty()) {
                return Uni.createFrom().item(List.<Refund>of());
            }
            List<Issued> issued = new ArrayList<>();
            return pool.withTransaction(conn -> OrderLock.lock(conn, orderId).chain(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (DuplicateChargeDetector.Duplicate d : dups) {
                    String key = "duplicate-charge:" + orderId + ":" + d.chargeRef();
                    chain = chain.chain(() -> issue(conn, draft(key, hash("DUPLICATE_CHARGE", key,
                            String.valueOf(d.amountMinor())), orderId, null, "DUPLICATE_CHARGE", d.amountMinor(),
                            order.currency(), d.method(), "duplicate charge " + d.chargeRef(), actor, List.of(),
                            null, false)).invoke(issued::add).replaceWithVoid());
                }
                return chain;
            })).chain(() -> {
                Uni<Void> after = Uni.createFrom().voidItem();
                for (Issued i : issued) {
                    after = after.chain(() -> afterCommit(i));
                }
                return after;
            }).replaceWith(() -> issued.stream().map(Issued::refund).toList());
        });
    }

    public static OrderMoney money(OrderFacts order) {
        return OrderMoney.fromPaid(order.items().stream()
                .map(i -> new OrderMoney.Line(i.id(), i.quantity(), i.unitPriceMinor())).toList(), order.totalMinor());
    }

    static boolean paid(OrderFacts order) {
        return order.payments().stream().flatMap(p -> p.transactions().stream())
                .anyMatch(t -> "CHARGE".equals(t.kind()) && "SUCCEEDED".equals(t.status()));
    }

    private static List<FieldError> validate(RefundCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        if (cmd == null) {
            return List.of(new FieldError("body", "required", null));
        }
        if (cmd.idempotencyKey() == null || cmd.idempotencyKey().isBlank()) {
            errors.add(new FieldError("idempotencyKey", "required", null));
        } else if (cmd.idempotencyKey().length() > MAX_KEY) {
            errors.add(new FieldError("idempotencyKey", "too_long", null));
        }
        if (cmd.orderId() == null || cmd.orderId().isBlank()) {
            errors.add(new FieldError("orderId", "required", null));
        }
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            errors.add(new FieldError("reason", "required", null));
        } else if (ReturnReason.parse(cmd.reason()).isEmpty()) {
            errors.add(new FieldError("reason", "invalid_reason", cmd.reason()));
        }
        if (cmd.items() == null || cmd.items().isEmpty()) {
            errors.add(new FieldError("items", "required", null));
        } else {
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
        return errors;
    }

    public static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
