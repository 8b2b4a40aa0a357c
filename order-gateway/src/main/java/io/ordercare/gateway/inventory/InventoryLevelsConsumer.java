package io.ordercare.gateway.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.platform.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stock levels from {@code inventory.levels}: {@code {"sku", "available", "restockEta"?}}, bare or as a
 * CloudEvent's data. Applied only when newer than what we hold (event time), so redeliveries and
 * late records change nothing. Invalid records go to {@code inventory.levels.dlq} with the reason.
 */
@ApplicationScoped
public class InventoryLevelsConsumer {

    private static final String UPSERT = """
            insert into inventory_level (sku, available, restock_eta, updated_at) values ($1, $2, $3, $4)
            on conflict (sku) do update set available = excluded.available, restock_eta = excluded.restock_eta,
                updated_at = excluded.updated_at
            where inventory_level.updated_at <= excluded.updated_at""";

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Incoming("inventory-levels")
    public Uni<Void> consume(String value) {
        return Uni.createFrom().item(() -> parse(value))
                .chain(level -> pool.preparedQuery(UPSERT).execute(io.vertx.mutiny.sqlclient.Tuple.of(level.sku,
                        level.available, level.restockEta, level.updatedAt.atOffset(java.time.ZoneOffset.UTC))))
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
        level.updatedAt = time;
        return level;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time: not an ISO date-time");
        }
    }
}
