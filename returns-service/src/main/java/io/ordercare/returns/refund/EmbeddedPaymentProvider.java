package io.ordercare.returns.refund;

import io.ordercare.returns.platform.ReturnsConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The default provider: records each payout in its own {@code payout} table, one row per idempotency key (a
 * repeated key returns the first payout's reference and pays nothing more), and confirms payouts asynchronously,
 * {@code confirm-after} after accepting them. Failure injection for tests and demos: the first
 * {@code fail-first-attempts} attempts of every payout fail, or {@link #failNextAttempts} for one key.
 */
@ApplicationScoped
@DefaultBean
public class EmbeddedPaymentProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(EmbeddedPaymentProvider.class);

    @Inject
    Pool pool;

    @Inject
    ReturnsConfig config;

    @Inject
    RefundService refunds;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

    /** Makes the next {@code n} attempts to pay {@code idempotencyKey} fail (tests, demos). */
    public void failNextAttempts(String idempotencyKey, int n) {
        injected.put(idempotencyKey, new AtomicInteger(n));
    }

    @Override
    public Uni<String> pay(Payout p) {
        int attempt = attempts.computeIfAbsent(p.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = injected.get(p.idempotencyKey());
        if (attempt <= config.provider().embedded().failFirstAttempts() || (left != null && left.getAndDecrement() > 0)) {
            return Uni.createFrom().failure(new IllegalStateException("provider unavailable (injected failure, attempt "
                    + attempt + ")"));
        }
        String ref = "EMB-" + UUID.randomUUID();
        return pool.preparedQuery("""
                insert into payout (idempotency_key, refund_id, amount_minor, currency, method, provider_ref, status)
                values ($1, $2, $3, $4, $5, $6, 'ACCEPTED')
                on conflict (idempotency_key) do nothing""")
                .execute(Tuple.tuple().addValue(p.idempotencyKey()).addValue(p.refundId()).addValue(p.amountMinor())
                        .addValue(p.currency()).addValue(p.method()).addValue(ref))
                .chain(() -> pool.preparedQuery("select provider_ref from payout where idempotency_key = $1")
                        .execute(Tuple.of(p.idempotencyKey())))
                .map(rows -> rows.iterator().next().getString(0))
                .invoke(() -> attempts.remove(p.idempotencyKey()));
    }

    /** Confirms the payouts due: the refund is marked paid first, the payout confirmed after, so none is lost. */
    @Scheduled(every = "${ordercare.returns.provider.embedded.confirm-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> confirm() {
        return pool.preparedQuery("""
                select idempotency_key, refund_id, provider_ref from payout
                 where status = 'ACCEPTED' and created_at <= now() - make_interval(secs => $1)
                 order by created_at limit 500""")
                .execute(Tuple.of((double) config.provider().embedded().confirmAfter().toMillis() / 1000))
                .chain(rows -> {
                    List<Uni<String>> paid = new ArrayList<>();
                    rows.forEach(r -> {
                        String key = r.getString("idempotency_key");
                        paid.add(refunds.markPaid(r.getUUID("refund_id"), r.getString("provider_ref")).replaceWith(key)
                                .onFailure().recoverWithItem(t -> {
                                    LOG.warnf("payout of refund %s not confirmed yet: %s", r.getUUID("refund_id"),
                                            t.getMessage());
                                    return null;
                                }));
                    });
                    if (paid.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.join().all(paid).andFailFast().chain(keys -> pool.preparedQuery("""
                            update payout set status = 'CONFIRMED', confirmed_at = now()
                             where idempotency_key = any($1) and status = 'ACCEPTED'""")
                            .execute(Tuple.of(keys.stream().filter(java.util.Objects::nonNull).toArray(String[]::new))))
                            .replaceWithVoid();
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("payout confirmations failed (they are retried): %s", t.getMessage());
                    return null;
                });
    }
}
