package io.ordercare.gateway.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.platform.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stock levels from {@code inventory.levels}, bare or as a CloudEvent's data:
 * <pre>
 * {"sku": "TSHIRT-M-RED", "available": 12, "restockEta": "2026-12-01",
 *  "name": "纯棉短袖T恤", "category": "apparel", "unitPriceMinor": 9900, "currency": "CNY",
 *  "size": "M", "colour": "红色"}
 * </pre>
 * {@code sku} and {@code available} (a non-negative integer) are required; everything else is optional:
 * {@code restockEta} an ISO date; the product facts {@code name} (at most 300 characters), {@code category} (the
 * suite's categories as on order items: apparel, digital, fresh, large_appliance, general; at most 40, stored in
 * lower case), {@code unitPriceMinor} (the shop's price of one unit in minor units, a non-negative integer) with
 * its {@code currency} (ISO 4217; one without the other is invalid), {@code size} and {@code colour} (at most 40
 * each). Blank texts count as absent. A record is the whole truth about its SKU: a fact it does not carry is
 * stored as absent, so a record with only {@code sku} and {@code available} (the format before product facts)
 * is still valid and clears them.
 * <p>
 * Applied only when newer than what we hold (event time), so redeliveries and late records change nothing.
 * Invalid records go to {@code inventory.levels.dlq} with the reason.
 */
@ApplicationScoped
public class InventoryLevelsConsumer {

    private static final String UPSERT = """
            insert into inventory_level (sku, available, restock_eta, updated_at, name, category, unit_price_minor,
                currency, size, colour) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (sku) do update set available = excluded.available, restock_eta = excluded.restock_eta,
                updated_at = excluded.updated_at, name = excluded.name, category = excluded.category,
                unit_price_minor = excluded.unit_price_minor, currency = excluded.currency, size = excluded.size,
                colour = excluded.colour
            where inventory_level.updated_at <= excluded.updated_at""";

    /** The widths of the columns (those of {@code order_item}, which takes these values when an item is replaced). */
    static final int MAX_NAME_LENGTH = 300;
    static final int MAX_ATTRIBUTE_LENGTH = 40;
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Incoming("inventory-levels")
    public Uni<Void> consume(String value) {
        return Uni.createFrom().item(() -> parse(value))
                .chain(level -> pool.preparedQuery(UPSERT).execute(Tuple.from(Arrays.asList(level.sku,
                        level.available, level.restockEta, level.updatedAt.atOffset(ZoneOffset.UTC), level.name,
                        level.category, level.unitPriceMinor, level.currency, level.size, level.colour))))
                .replaceWithVoid();
    }

    private InventoryLevel parse(String value) {
        JsonNode node;
        try {
            node = json.readTree(value == null ? "" : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        Instant time = clock.instant();
        if (CloudEvent.isEnvelope(node)) {
            if (node.hasNonNull("time")) {
                time = instant(node.get("time").asText());
            }
            node = node.get("data");
        }
        if (node == null || !node.path("sku").isTextual() || node.get("sku").asText().isBlank()) {
            throw new IllegalArgumentException("sku: required");
        }
        if (!node.path("available").canConvertToInt() || node.get("available").asInt() < 0) {
            throw new IllegalArgumentException("available: must be a non-negative integer");
        }
        InventoryLevel level = new InventoryLevel();
        level.sku = node.get("sku").asText();
        level.available = node.get("available").asInt();
        if (node.hasNonNull("restockEta")) {
            try {
                level.restockEta = LocalDate.parse(node.get("restockEta").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("restockEta: not an ISO date");
            }
        }
        level.name = text(node, "name", MAX_NAME_LENGTH);
        String category = text(node, "category", MAX_ATTRIBUTE_LENGTH);
        level.category = category == null ? null : category.toLowerCase(Locale.ROOT);
        level.size = text(node, "size", MAX_ATTRIBUTE_LENGTH);
        level.colour = text(node, "colour", MAX_ATTRIBUTE_LENGTH);
        if (node.hasNonNull("unitPriceMinor")) {
            JsonNode price = node.get("unitPriceMinor");
            if (!price.isIntegralNumber() || !price.canConvertToLong() || price.asLong() < 0) {
                throw new IllegalArgumentException("unitPriceMinor: must be a non-negative integer (minor units)");
            }
            level.unitPriceMinor = price.asLong();
        }
        String currency = text(node, "currency", MAX_ATTRIBUTE_LENGTH);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency: not an ISO 4217 code");
        }
        level.currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        if ((level.unitPriceMinor == null) != (level.currency == null)) {
            throw new IllegalArgumentException("unitPriceMinor and currency: one without the other");
        }
        level.updatedAt = time;
        return level;
    }

    /** An optional text fact: absent, null or blank is null; numbers (a size of 42) are taken as their text. */
    private static String text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + ": longer than " + maxLength + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time: not an ISO date-time");
        }
    }
}
