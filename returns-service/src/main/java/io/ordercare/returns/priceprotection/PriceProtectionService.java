package io.ordercare.returns.priceprotection;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.returns.order.OrderClient;
import io.ordercare.returns.order.OrderFacts;
import io.ordercare.returns.platform.OrderLock;
import io.ordercare.returns.platform.Refusal;
import io.ordercare.returns.policy.PolicyCatalog;
import io.ordercare.returns.policy.PolicySelection;
import io.ordercare.returns.refund.Refund;
import io.ordercare.returns.refund.RefundLedger;
import io.ordercare.returns.refund.RefundService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Price protection claims. The price paid comes from the snapshot taken the first time the order was seen here
 * (else from the order now, and the snapshot is taken), so a later change of the order cannot move it; the
 * difference to the current price, for the units still kept, is refunded once per item
 * (key {@code price-protection:<order>:<item>}): a second claim for the same item returns the first refund.
 */
@ApplicationScoped
public class PriceProtectionService {

    @Inject
    Pool pool;

    @Inject
    OrderClient orders;

    @Inject
    PolicyCatalog policies;

    @Inject
    RefundLedger ledger;

    @Inject
    RefundService refunds;

    @Inject
    Clock clock;

    public record Claim(String orderId, Long itemId, Long currentUnitPriceMinor, String evidence, String actor) {
    }

    public Uni<RefundService.Issued> claim(Claim c) {
        List<FieldError> errors = new ArrayList<>();
        if (c == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("body", "required"));
        }
        if (c.orderId() == null || c.orderId().isBlank()) {
            errors.add(new FieldError("orderId", "required", null));
        }
        if (c.itemId() == null) {
            errors.add(new FieldError("itemId", "required", null));
        }
        if (c.currentUnitPriceMinor() == null) {
            errors.add(new FieldError("currentUnitPriceMinor", "required", null));
        } else if (c.currentUnitPriceMinor() < 0) {
            errors.add(new FieldError("currentUnitPriceMinor", "must_not_be_negative",
                    String.valueOf(c.currentUnitPriceMinor())));
        }
        if (c.evidence() != null && c.evidence().length() > 500) {
            errors.add(new FieldError("evidence", "too_long", null));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        String key = "price-protection:" + c.orderId() + ":" + c.itemId();
        // once per item: a repeated claim returns the refund already granted, whatever price it names
        return ledger.byKey(pool, key).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(new RefundService.Issued(existing.get(), false, List.of()))
                : orders.get(c.orderId()).chain(order -> decide(order, c, key)));
    }

    private Uni<RefundService.Issued> decide(OrderFacts order, Claim c, String key) {
        OrderFacts.Item item = order.item(c.itemId()).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("itemId", "unknown_item", String.valueOf(c.itemId())))));
        Instant now = clock.instant();
        return policies.all().chain(all -> pool.withTransaction(conn -> OrderLock.lock(conn, order.id())
                .chain(() -> ledger.byKey(conn, key))
                .chain(existing -> {
                    if (existing.isPresent()) {
                        return Uni.createFrom().item(new RefundService.Issued(existing.get(), false, List.of()));
                    }
                    return conn.preparedQuery("""
                            insert into price_snapshot (order_id, item_id, sku, unit_price_minor, list_price_minor,
                                                        currency, placed_at, captured_at)
                            values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing""")
                            .execute(Tuple.tuple().addValue(order.id()).addValue(item.id()).addValue(item.sku())
                                    .addValue(item.unitPriceMinor()).addValue(item.listPriceMinor())
                                    .addValue(order.currency()).addValue(ts(order.placedAt()))
                                    .addValue(ts(now)))
                            .chain(() -> conn.preparedQuery("""
                                    select unit_price_minor from price_snapshot where order_id = $1 and item_id = $2""")
                                    .execute(Tuple.of(order.id(), item.id())))
                            .map(rows -> rows.iterator().next().getLong(0))
                            .chain(paidUnit -> ledger.takenUnits(conn, order.id()).chain(taken -> {
                                int protectionDays = PolicySelection.pick(all, order.platform(), item.category(),
                                        order.placedAt()).map(p -> p.priceProtectionDays()).orElse(0);
                                int kept = item.quantity() - taken.getOrDefault(item.id(), 0);
                                PriceProtectionRule.Decision d = PriceProtectionRule.decide(protectionDays,
                                        order.placedAt(), now, paidUnit, c.currentUnitPriceMinor(), kept);
                                if (d.outcome() != PriceProtectionRule.Outcome.REFUND) {
                                    return Uni.createFrom().failure(Refusal.precondition(
                                            "price-protection-" + d.outcome().name().toLowerCase().replace('_', '-'),
                                            "price protection refused: " + d.outcome(), order.id(), item.id(),
                                            protectionDays, String.valueOf(d.windowEnd())));
                                }
                                String details = "{\"paidUnitMinor\":" + paidUnit + ",\"currentUnitMinor\":"
                                        + c.currentUnitPriceMinor() + ",\"units\":" + d.units()
                                        + ",\"evidence\":" + quote(c.evidence()) + "}";
                                RefundLedger.Draft draft = refunds.draft(key, RefundService.hash(key), order.id(), null,
                                        "PRICE_PROTECTION", d.amountMinor(), order.currency(), order.paymentMethod(),
                                        "price dropped by " + d.differencePerUnitMinor() + " per unit", c.actor(),
                                        List.of(new Refund.Line(item.id(), d.units(), d.amountMinor(), 0)), details,
                                        false);
                                return refunds.issue(conn, draft);
                            }));
                })))
                .call(refunds::afterCommit);
    }

    private static String quote(String s) {
        return s == null ? "null" : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(s).toString();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
