package io.ordercare.gateway.inventory;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the inventory snapshot ({@code inventory_level}, fed by {@code inventory.levels}) for internal callers,
 * e.g. returns-service checking that an exchange's replacement is in stock. A SKU never reported is answered as
 * not known, with nothing available.
 */
@ApplicationScoped
public class InventorySnapshot {

    /** Most SKUs one call may ask for. */
    public static final int MAX_SKUS = 100;
    /** Longest SKU (the column's width). */
    public static final int MAX_SKU_LENGTH = 100;

    /** The stock of one SKU as last reported; {@code known} false when it never was. */
    public record Level(String sku, boolean known, int available, Instant updatedAt, LocalDate restockEta) {
    }

    @Inject
    Pool pool;

    /** One level per distinct SKU, in the order asked; INVALID_ARGUMENT-style failure listing every bad field. */
    public Uni<List<Level>> levels(List<String> skus) {
        List<FieldError> errors = validate(skus);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(skus));
        return pool.preparedQuery("""
                select sku, available, restock_eta, updated_at from inventory_level where sku = any($1)""")
                .execute(Tuple.of(distinct.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Level> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getString("sku"), new Level(r.getString("sku"), true,
                            r.getInteger("available"), r.getOffsetDateTime("updated_at").toInstant(),
                            r.getLocalDate("restock_eta"))));
                    return distinct.stream().map(s -> found.getOrDefault(s, new Level(s, false, 0, null, null)))
                            .toList();
                });
    }

    static List<FieldError> validate(List<String> skus) {
        List<FieldError> errors = new ArrayList<>();
        if (skus == null || skus.isEmpty()) {
            errors.add(new FieldError("skus", "required", null));
            return errors;
        }
        if (skus.size() > MAX_SKUS) {
            errors.add(new FieldError("skus", "too_many", String.valueOf(skus.size())));
            return errors;
        }
        for (int i = 0; i < skus.size(); i++) {
            String s = skus.get(i);
            if (s == null || s.isBlank()) {
                errors.add(new FieldError("skus[" + i + "]", "required", null));
            } else if (s.length() > MAX_SKU_LENGTH) {
                errors.add(new FieldError("skus[" + i + "]", "too_long", null));
            }
        }
        return errors;
    }
}
