package io.ordercare.gateway.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.platform.CloudEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one Debezium change (before/after of a row, operation, source position) into the domain
 * events of {@code order.changes}. One row update can mean several things at once (status and
 * address changed together), so it may yield several events; a change nobody cares about (only
 * {@code updated_at} moved) yields none. Event ids derive from the source position, so a change
 * re-read after a restart gets the same id and consumers can drop it.
 * <p>
 * Every order event carries the order's summary and, once the order has shipped, its {@code shipment}:
 * {@code {"carrier": "SF", "trackingNumber": "SF1234567890", "origin": "深圳市", "destination": "北京市",
 * "promisedDeliveryDate": "2026-11-28", "shippedAt": "2026-11-25T06:00:00Z"}} ({@code origin} and
 * {@code shippedAt} only when known). logistics-watcher creates its shipments from it: a contract.
 */
public class OrderChangeMapper {

    static final String SOURCE = "/order-gateway/cdc";
    private static final List<String> ADDRESS_COLUMNS = List.of("addr_format", "addr_recipient", "addr_phone",
            "addr_country", "addr_province", "addr_city", "addr_district", "addr_street", "addr_line2",
            "addr_postal_code");

    private final ObjectMapper json;

    public OrderChangeMapper(ObjectMapper json) {
        this.json = json;
    }

    /** @throws UnmappableChangeException when the change is not a Debezium change of a captured table */
    public List<OrderEvent> map(String changeJson) {
        JsonNode change;
        try {
            change = json.readTree(changeJson);
        } catch (Exception e) {
            throw new UnmappableChangeException("not JSON: " + e.getMessage());
        }
        if (change == null || !change.hasNonNull("op") || !change.has("source")) {
            throw new UnmappableChangeException("not a Debezium change event (no op/source)");
        }
        String op = change.get("op").asText();
        JsonNode source = change.get("source");
        String table = source.path("table").asText("");
        JsonNode before = change.path("before");
        JsonNode after = change.path("after");
        Instant committedAt = Instant.ofEpochMilli(source.path("ts_ms").asLong(change.path("ts_ms").asLong()));
        String position = source.path("lsn").asText("0");

        return switch (table) {
            case "orders" -> orders(op, before, after, committedAt, position);
            case "order_flag" -> flag(op, after, committedAt, position);
            case "payment" -> payment(op, before, after, committedAt, position);
            default -> throw new UnmappableChangeException("table not captured for events: " + table);
        };
    }

    private List<OrderEvent> orders(String op, JsonNode before, JsonNode after, Instant at, String position) {
        List<OrderEvent> events = new ArrayList<>();
        if (isInsert(op)) {
            String orderId = required(after, "id");
            ObjectNode data = orderSummary(after);
            data.set("address", address(after));
            events.add(event(OrderEvent.CREATED, orderId, at, position, "orders", orderId, data));
            return events;
        }
        if (!"u".equals(op)) {
            return events; // orders are never deleted; a delete (manual clean-up) is not a domain event
        }
        String orderId = required(after, "id");
        if (before == null || before.isNull() || before.isMissingNode()) {
            throw new UnmappableChangeException("update of orders without before-image (REPLICA IDENTITY FULL missing?)");
        }
        String statusBefore = before.path("status").asText();
        String statusAfter = after.path("status").asText();
        if (!statusBefore.equals(statusAfter)) {
            ObjectNode data = orderSummary(after);
            data.put("previousStatus", statusBefore);
            String type = "CANCELLED".equals(statusAfter) ? OrderEvent.CANCELLED : OrderEvent.STATUS_CHANGED;
            events.add(event(type, orderId, at, position, "orders.status", orderId, data));
        }
        if (ADDRESS_COLUMNS.stream().anyMatch(c -> !Objects.equals(before.path(c), after.path(c)))) {
            ObjectNode data = orderSummary(after);
            data.set("previousAddress", address(before));
            data.set("address", address(after));
            events.add(event(OrderEvent.ADDRESS_CHANGED, orderId, at, position, "orders.address", orderId, data));
        }
        if (before.path("items_revision").asInt() != after.path("items_revision").asInt()) {
            ObjectNode data = orderSummary(after);
            data.put("previousTotalMinor", before.path("total_minor").asLong());
            data.put("itemsRevision", after.path("items_revision").asInt());
            events.add(event(OrderEvent.ITEMS_CHANGED, orderId, at, position, "orders.items", orderId, data));
        }
        return events;
    }

    private List<OrderEvent> flag(String op, JsonNode after, Instant at, String position) {
        if (!isInsert(op)) {
            return List.of();
        }
        String orderId = required(after, "order_id");
        ObjectNode data = json.createObjectNode();
        data.put("orderId", orderId);
        data.put("flagId", after.path("id").asLong());
        data.put("kind", after.path("kind").asText());
        data.put("detail", after.path("detail").asText());
        return List.of(event(OrderEvent.FLAGGED, orderId, at, position, "order_flag", after.path("id").asText(), data));
    }

    private List<OrderEvent> payment(String op, JsonNode before, JsonNode after, Instant at, String position) {
        if (!isInsert(op) && !"u".equals(op)) {
            return List.of();
        }
        String orderId = required(after, "order_id");
        ObjectNode data = json.createObjectNode();
        data.put("orderId", orderId);
        data.put("paymentId", after.path("id").asLong());
        data.put("method", after.path("method").asText());
        data.put("status", after.path("status").asText());
        if ("u".equals(op) && before != null && before.has("status")) {
            data.put("previousStatus", before.path("status").asText());
        }
        data.put("amountMinor", after.path("amount_minor").asLong());
        data.put("currency", after.path("currency").asText());
        return List.of(event(OrderEvent.PAYMENT_CHANGED, orderId, at, position, "payment",
                after.path("id").asText() + "." + after.path("version").asText(), data));
    }

    private ObjectNode orderSummary(JsonNode row) {
        ObjectNode data = json.createObjectNode();
        data.put("orderId", row.path("id").asText());
        data.put("platform", row.path("platform").asText());
        data.put("externalId", row.path("external_id").asText());
        data.put("customerId", row.path("customer_id").asText());
        data.put("status", row.path("status").asText());
        if (row.hasNonNull("hold_reason")) {
            data.put("holdReason", row.get("hold_reason").asText());
        }
        data.put("totalMinor", row.path("total_minor").asLong());
        data.put("currency", row.path("currency").asText());
        data.put("version", row.path("version").asLong());
        if (row.hasNonNull("carrier")) {
            data.set("shipment", shipment(row));
        }
        return data;
    }

    /**
     * With Debezium's default {@code time.precision.mode} (adaptive, see CdcEngine) a {@code date} column
     * arrives as the number of days since 1970-01-01 and a {@code timestamptz} as an ISO-8601 string.
     */
    private ObjectNode shipment(JsonNode row) {
        ObjectNode s = json.createObjectNode();
        s.put("carrier", row.get("carrier").asText());
        s.put("trackingNumber", text(row, "tracking_number"));
        if (row.hasNonNull("shipped_from")) {
            s.put("origin", row.get("shipped_from").asText());
        }
        s.put("destination", text(row, "addr_city"));
        JsonNode promised = row.get("promised_delivery_date");
        if (promised == null || promised.isNull()) {
            s.putNull("promisedDeliveryDate");
        } else if (promised.canConvertToInt()) {
            s.put("promisedDeliveryDate", LocalDate.ofEpochDay(promised.asInt()).toString());
        } else {
            throw new UnmappableChangeException("promised_delivery_date is not a day number: " + promised);
        }
        if (row.hasNonNull("shipped_at")) {
            try {
                // normalised to UTC ("…Z") whatever offset the converter wrote
                s.put("shippedAt", OffsetDateTime.parse(row.get("shipped_at").asText()).toInstant().toString());
            } catch (DateTimeParseException e) {
                throw new UnmappableChangeException("shipped_at is not an ISO-8601 time: " + row.get("shipped_at"));
            }
        }
        return s;
    }

    private ObjectNode address(JsonNode row) {
        ObjectNode a = json.createObjectNode();
        a.put("format", text(row, "addr_format"));
        a.put("recipientName", text(row, "addr_recipient"));
        a.put("recipientPhone", text(row, "addr_phone"));
        a.put("country", text(row, "addr_country"));
        a.put("province", text(row, "addr_province"));
        a.put("city", text(row, "addr_city"));
        a.put("district", text(row, "addr_district"));
        a.put("street", text(row, "addr_street"));
        a.put("line2", text(row, "addr_line2"));
        a.put("postalCode", text(row, "addr_postal_code"));
        return a;
    }

    private OrderEvent event(String type, String orderId, Instant at, String position, String what, String rowKey,
            JsonNode data) {
        String id = position + ":" + what + ":" + rowKey + ":" + type;
        return new OrderEvent(orderId, CloudEvent.of(id, SOURCE, type, at, orderId, data));
    }

    private static boolean isInsert(String op) {
        return "c".equals(op) || "r".equals(op);
    }

    private static String text(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode row, String column) {
        if (row == null || !row.hasNonNull(column)) {
            throw new UnmappableChangeException("row has no " + column);
        }
        return row.get(column).asText();
    }
}
