package io.ordercare.returns.refund;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordercare.returns.platform.Money;
import io.ordercare.platform.outbox.Outbox;
import io.ordercare.returns.platform.OutboxPublisher;
import io.ordercare.returns.platform.ReturnEvents;
import io.ordercare.returns.platform.ReturnsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pays PENDING refunds through the {@link PaymentProvider} (and collects PENDING charges, ledger kind
 * {@code EXCHANGE_CHARGE}, the same way through its {@code charge}). A payer first claims the refund (one attempt more, a
 * lease on it), so two payers never attempt it at the same time; the provider call carries the refund's
 * idempotency key, so even a retry after an attempt whose answer was lost pays nothing twice. A failed attempt
 * is retried with exponential backoff; after {@code max-attempts} the refund goes to manual review.
 */
@ApplicationScoped
public class RefundPayer {

    private static final Logger LOG = Logger.getLogger(RefundPayer.class);

    @Inject
    Pool pool;

    @Inject
    PaymentProvider provider;

    @Inject
    ReturnsConfig config;

    @Inject
    ReturnEvents events;

    @Inject
    OutboxPublisher publisher;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** Starts paying the refund now, without waiting; the sweep takes over whatever this leaves undone. */
    public void payLater(UUID id) {
        pay(id).subscribe().with(x -> {
        }, t -> LOG.warnf("refund %s: payment attempt failed: %s", id, t.getMessage()));
    }

    @Scheduled(every = "${ordercare.returns.refund.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return pool.preparedQuery("""
                select id from refund where status = 'PENDING' and next_attempt_at <= $1 order by next_attempt_at limit 100""")
                .execute(Tuple.of(ts(clock.instant())))
                .chain(rows -> {
                    List<Uni<Void>> all = new ArrayList<>();
                    rows.forEach(r -> all.add(pay(r.getUUID("id")).onFailure().recoverWithNull()));
                    return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andFailFast().replaceWithVoid();
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("refund sweep failed: %s", t.getMessage());
                    return null;
                });
    }

    /** One attempt to pay the refund, if it is PENDING, due and not claimed by another payer. */
    public Uni<Void> pay(UUID id) {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                update refund set attempts = attempts + 1, next_attempt_at = $3, updated_at = $2
                 where id = $1 and status = 'PENDING' and next_attempt_at <= $2
                returning id, idempotency_key, order_id, kind, amount_minor, currency, payment_method, attempts, return_id""")
                .execute(Tuple.of(id, ts(now), ts(now.plus(config.refund().lease()))))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem() : attempt(rows.iterator().next()));
    }

    private Uni<Void> attempt(Row r) {
        UUID id = r.getUUID("id");
        long amount = r.getLong("amount_minor");
        String currency = r.getString("currency");
        String orderId = r.getString("order_id");
        int attempts = r.getInteger("attempts");
        String kind = r.getString("kind");
        Uni<String> moved = Movements.isCharge(kind)
                ? provider.charge(new PaymentProvider.Charge(r.getString("idempotency_key"), id, amount, currency,
                        r.getString("payment_method")))
                : provider.pay(new PaymentProvider.Payout(r.getString("idempotency_key"), id, amount, currency,
                        r.getString("payment_method")));
        return moved
                .chain(ref -> submitted(id, kind, orderId, amount, currency, ref))
                .onFailure().recoverWithUni(t -> failed(r, attempts, t));
    }

    private Uni<Void> submitted(UUID id, String kind, String orderId, long amount, String currency, String ref) {
        Instant now = clock.instant();
        registry.counter("ordercare.returns.refund.submitted").increment();
        return pool.withTransaction(conn -> conn.preparedQuery("""
                update refund set status = 'SUBMITTED', provider_ref = $2, next_attempt_at = null, last_error = null,
                       updated_at = $3, version = version + 1
                 where id = $1 and status = 'PENDING'""")
                .execute(Tuple.of(id, ref, ts(now)))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : AuditLog.record(conn, now, "returns-service", Movements.action(kind, "payout.submitted"), id,
                                orderId,
                                AuditLog.state("PENDING", amount, currency), AuditLog.state("SUBMITTED", amount, currency),
                                "provider ref " + ref)));
    }

    private Uni<Void> failed(Row r, int attempts, Throwable t) {
        UUID id = r.getUUID("id");
        Instant now = clock.instant();
        long amount = r.getLong("amount_minor");
        String currency = r.getString("currency");
        String orderId = r.getString("order_id");
        String kind = r.getString("kind");
        registry.counter("ordercare.returns.refund.attempt-failed").increment();
        boolean giveUp = attempts >= config.refund().maxAttempts();
        Duration backoff = config.refund().retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
        LOG.warnf("refund %s: payout attempt %d failed%s: %s", id, attempts,
                giveUp ? ", to manual review" : ", retry in " + backoff.toMillis() + " ms", t.getMessage());
        List<Outbox.Event> out = new ArrayList<>();
        String reviewType = Movements.eventType(kind, "refund.manual-review");
        if (giveUp && reviewType != null) {
            ObjectNode data = events.data();
            data.put(Movements.idField(kind), id.toString());
            data.put("orderId", orderId);
            if (r.getString("return_id") != null) {
                data.put("returnId", r.getString("return_id"));
            }
            data.put("kind", kind);
            data.put("status", "MANUAL_REVIEW");
            data.put("amountMinor", amount);
            data.put("currency", currency);
            data.put("reviewReason", ReviewDecision.PROVIDER_FAILING);
            out.add(events.event(reviewType, orderId, data, Money.format(amount, currency), orderId, "",
                    r.getString("return_id") == null ? "" : r.getString("return_id")));
        }
        String message = String.valueOf(t.getMessage());
        return pool.withTransaction(conn -> conn.preparedQuery("""
                update refund set status = $2, review_reason = coalesce($3, review_reason), next_attempt_at = $4, last_error = $5, updated_at = $6,
                       version = version + 1
                 where id = $1 and status = 'PENDING'""")
                .execute(Tuple.tuple().addValue(id).addValue(giveUp ? "MANUAL_REVIEW" : "PENDING")
                        .addValue(giveUp ? ReviewDecision.PROVIDER_FAILING : null)
                        .addValue(giveUp ? null : ts(now.plus(backoff)))
                        .addValue(message.length() > 500 ? message.substring(0, 500) : message).addValue(ts(now)))
                .chain(() -> AuditLog.record(conn, now, "returns-service", Movements.action(kind,
                        giveUp ? "refund.held-for-review" : "payout.failed"), id, orderId, AuditLog.state("PENDING", amount, currency),
                        AuditLog.state(giveUp ? "MANUAL_REVIEW" : "PENDING", amount, currency),
                        "attempt " + attempts + ": " + message))
                .chain(() -> Outbox.write(conn, out)))
                .chain(() -> publisher.publish(out));
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
