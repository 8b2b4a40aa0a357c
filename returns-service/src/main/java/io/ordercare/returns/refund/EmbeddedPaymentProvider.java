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
 * The default provider: records each payout in its own {@code payout} table and each charge in its
 * {@code provider_charge} table, one row per idempotency key (a repeated key returns the first reference and moves
 * nothing more), and confirms both asynchronously, {@code confirm-after} after accepting them. Failure injection for
 * tests and demos: the first {@code fail-first-attempts} attempts of every payout or charge fail, or
 * {@link #failNextAttempts} for one key.
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
        return accept("payout", "EMB-", p.idempotencyKey(), p.refundId(), p.amountMinor(), p.currency(), p.method());
    }

    @Override
    public Uni<String> charge(Charge c) {
        if (c.amountMinor() <= 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("a charge must be positive"));
        }
        return accept("provider_charge", "EMBC-", c.idempotencyKey(), c.ledgerId(), c.amountMinor(), c.currency(),
                c.method());
    }

    /** Records the movement once per key in {@code book} and answers its reference (the first one's on a repeat). */
    private Uni<String> accept(String book, String prefix, String key, UUID ledgerId, long amount, String currency,
            String method) {
        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = injected.get(key);
        if (attempt <= config.provider().embedded().failFirstAttempts() || (left != null && left.getAndDecrement() > 0)) {
            return Uni.createFrom().failure(new IllegalStateException("provider unavailable (injected failure, attempt "
                    + attempt + ")"));
        }
        String ref = prefix + UUID.randomUUID();
        return pool.preparedQuery("insert into " + book + """
                 (idempotency_key, refund_id, amount_minor, currency, method, provider_ref, status)
                values ($1, $2, $3, $4, $5, $6, 'ACCEPTED')
                on conflict (idempotency_key) do nothing""")
                .execute(Tuple.tuple().addValue(key).addValue(ledgerId).addValue(amount)
                        .addValue(currency).addValue(method).addValue(ref))
                .chain(() -> pool.preparedQuery("select provider_ref from " + book + " where idempotency_key = $1")
                        .execute(Tuple.of(key)))
                .map(rows -> rows.iterator().next().getString(0))
                .invoke(() -> attempts.remove(key));
    }

    /**
     * Confirms the payouts and charges due: the ledger entry is marked paid first, the payout or charge confirmed
     * after, so none is lost.
     */
    @Scheduled(every = "${ordercare.returns.provider.embedded.confirm-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> confirm() {
        return pool.preparedQuery("""
                select idempotency_key, refund_id, provider_ref, created_at from payout
                 where status = 'ACCEPTED' and created_at <= now() - make_interval(secs => $1)
                union all
                select idempotency_key, refund_id, provider_ref, created_at from provider_charge
                 where status = 'ACCEPTED' and created_at <= now() - make_interval(secs => $1)
                 order by created_at limit 500""")
                .execute(Tuple.of((double) config.provider().embedded().confirmAfter().toMillis() / 1000))
                .chain(rows -> {
                    List<Uni<String>> paid = new ArrayList<>();
                    rows.forEach(r -> {
                        String key = r.getString("idempotency_key");
                        paid.add(refunds.markPaid(r.getUUID("refund_id"), r.getString("provider_ref")).replaceWith(key)
                                .onFailure().recoverWithItem(t -> {
                                    LOG.warnf("payout or charge of %s not confirmed yet: %s", r.getUUID("refund_id"),
                                            t.getMessage());
                                    return null;
                                }));
                    });
                    if (paid.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.join().all(paid).andFailFast().chain(keys -> {
                        Tuple confirmed = Tuple.of(keys.stream().filter(java.util.Objects::nonNull)
                                .toArray(String[]::new));
                        return pool.preparedQuery("""
                                update payout set status = 'CONFIRMED', confirmed_at = now()
                                 where idempotency_key = any($1) and status = 'ACCEPTED'""").execute(confirmed)
                                .chain(() -> pool.preparedQuery("""
                                        update provider_charge set status = 'CONFIRMED', confirmed_at = now()
                                         where idempotency_key = any($1) and status = 'ACCEPTED'""")
                                        .execute(confirmed));
                    }).replaceWithVoid();
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("payout confirmations failed (they are retried): %s", t.getMessage());
                    return null;
                });
    }
}
