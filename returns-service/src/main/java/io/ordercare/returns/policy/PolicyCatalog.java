package io.ordercare.returns.policy;

import io.ordercare.platform.InvalidRequestException;
import io.ordercare.platform.FieldError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The policies, read from the {@code policy} table. They are few and change rarely, so every check reads a copy
 * held in memory for a few seconds (a new version written on another replica is seen within that time).
 */
@ApplicationScoped
public class PolicyCatalog {

    private static final long TTL_MILLIS = 5_000;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    private volatile List<ReturnPolicy> cached;
    private volatile long loadedAt;

    public Uni<List<ReturnPolicy>> all() {
        List<ReturnPolicy> c = cached;
        if (c != null && System.currentTimeMillis() - loadedAt < TTL_MILLIS) {
            return Uni.createFrom().item(c);
        }
        return pool.query("select * from policy order by platform, category, version").execute().map(rows -> {
            List<ReturnPolicy> list = new ArrayList<>();
            rows.forEach(r -> list.add(policy(r)));
            cached = List.copyOf(list);
            loadedAt = System.currentTimeMillis();
            return cached;
        });
    }

    /** A new policy: the next version for its platform and category, ending the previous one when it starts. */
    public record NewPolicy(String platform, String category, Instant effectiveFrom, String nonReturnable,
            Boolean requiresUnopened, Integer returnWindowDays, Boolean exchangeAllowed, List<String> sellerPaysReasons,
            Integer priceProtectionDays, String description) {
    }

    public Uni<ReturnPolicy> create(NewPolicy p) {
        List<FieldError> errors = new ArrayList<>();
        if (p == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("body", "required"));
        }
        if (p.platform() == null || p.platform().isBlank()) {
            errors.add(new FieldError("platform", "required", null));
        }
        if (p.category() == null || p.category().isBlank()) {
            errors.add(new FieldError("category", "required", null));
        }
        if (p.returnWindowDays() == null || p.returnWindowDays() < 0 || p.returnWindowDays() > 365) {
            errors.add(new FieldError("returnWindowDays", "out_of_range", String.valueOf(p.returnWindowDays())));
        }
        if (p.priceProtectionDays() != null && (p.priceProtectionDays() < 0 || p.priceProtectionDays() > 365)) {
            errors.add(new FieldError("priceProtectionDays", "out_of_range", String.valueOf(p.priceProtectionDays())));
        }
        List<String> reasons = p.sellerPaysReasons() == null ? List.of() : p.sellerPaysReasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (ReturnReason.parse(reasons.get(i)).isEmpty()) {
                errors.add(new FieldError("sellerPaysReasons[" + i + "]", "invalid_reason", reasons.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        String platform = ReturnPolicy.ANY.equals(p.platform()) ? "*" : p.platform().toUpperCase(Locale.ROOT);
        String category = p.category().toLowerCase(Locale.ROOT);
        OffsetDateTime from = OffsetDateTime.ofInstant(p.effectiveFrom() == null ? clock.instant() : p.effectiveFrom(),
                ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                update policy set effective_to = $3
                 where platform = $1 and category = $2 and effective_to is null and effective_from < $3""")
                .execute(Tuple.of(platform, category, from))
                .chain(() -> conn.preparedQuery("""
                        insert into policy (platform, category, version, effective_from, non_returnable,
                                            requires_unopened, return_window_days, exchange_allowed,
                                            seller_pays_reasons, price_protection_days, description)
                        select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
                          from policy where platform = $1 and category = $2
                        returning *""")
                        .execute(Tuple.tuple(List.of(platform, category, from,
                                p.nonReturnable() == null || p.nonReturnable().isBlank() ? "" : p.nonReturnable(),
                                Boolean.TRUE.equals(p.requiresUnopened()), p.returnWindowDays(),
                                !Boolean.FALSE.equals(p.exchangeAllowed()),
                                reasons.stream().map(r -> r.toUpperCase(Locale.ROOT)).toArray(String[]::new),
                                p.priceProtectionDays() == null ? 0 : p.priceProtectionDays(),
                                p.description() == null ? "" : p.description()))))
                .map(rows -> policy(rows.iterator().next())))
                .invoke(x -> cached = null);
    }

    static ReturnPolicy policy(Row r) {
        String[] reasons = r.getArrayOfStrings("seller_pays_reasons");
        Set<String> set = new HashSet<>(Arrays.asList(reasons == null ? new String[0] : reasons));
        String nonReturnable = r.getString("non_returnable");
        return new ReturnPolicy(r.getLong("id"), r.getString("platform"), r.getString("category"),
                r.getInteger("version"), r.getOffsetDateTime("effective_from").toInstant(),
                r.getOffsetDateTime("effective_to") == null ? null : r.getOffsetDateTime("effective_to").toInstant(),
                nonReturnable == null || nonReturnable.isBlank() ? null : nonReturnable,
                r.getBoolean("requires_unopened"), r.getInteger("return_window_days"), r.getBoolean("exchange_allowed"),
                Set.copyOf(set), r.getInteger("price_protection_days"), r.getString("description"));
    }
}
