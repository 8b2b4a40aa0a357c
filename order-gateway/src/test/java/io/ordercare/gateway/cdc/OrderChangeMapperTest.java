package io.ordercare.gateway.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debezium changes of the orders row (as the engine's JSON converter writes them) into domain events. */
class OrderChangeMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OrderChangeMapper mapper = new OrderChangeMapper(JSON);

    @Test
    void shippingIsOneStatusChangeCarryingTheShipment() {
        ObjectNode before = row("PACKING");
        ObjectNode after = shipped(row("SHIPPED"));

        List<OrderEvent> events = mapper.map(change("u", before, after));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).event().type()).isEqualTo(OrderEvent.STATUS_CHANGED);
        JsonNode data = events.get(0).event().data();
        assertThat(data.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(data.get("previousStatus").asText()).isEqualTo("PACKING");
        assertThat(data.get("shipment")).isEqualTo(JSON.createObjectNode()
                .put("carrier", "SF")
                .put("trackingNumber", "SF1234567890")
                .put("origin", "深圳市")
                .put("destination", "杭州市")
                .put("promisedDeliveryDate", "2026-11-28")
                .put("shippedAt", "2026-11-25T06:00:00Z"));
    }

    @Test
    void anOrderNotShippedHasNoShipment() {
        List<OrderEvent> events = mapper.map(change("c", null, row("PLACED")));

        assertThat(events.get(0).event().data().has("shipment")).isFalse();
    }

    @Test
    void originAndShippedAtAreLeftOutWhenUnknown() {
        ObjectNode after = shipped(row("SHIPPED"));
        after.putNull("shipped_from");
        after.putNull("shipped_at");

        JsonNode shipment = mapper.map(change("u", row("PACKING"), after)).get(0).event().data()
                .get("shipment");

        assertThat(shipment.has("origin")).isFalse();
        assertThat(shipment.has("shippedAt")).isFalse();
        assertThat(shipment.get("promisedDeliveryDate").asText()).isEqualTo("2026-11-28");
    }

    @Test
    void laterEventsOfAShippedOrderStillCarryItsShipment() {
        ObjectNode before = shipped(row("SHIPPED"));
        ObjectNode after = shipped(row("DELIVERED"));

        JsonNode data = mapper.map(change("u", before, after)).get(0).event().data();

        assertThat(data.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(data.get("shipment").get("trackingNumber").asText()).isEqualTo("SF1234567890");
    }

    /** An orders row as Debezium writes it, before shipping: the shipment columns are null. */
    private static ObjectNode row(String status) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "OC10000042");
        r.put("platform", "JD");
        r.put("external_id", "314159");
        r.put("customer_id", "C1");
        r.put("status", status);
        r.putNull("hold_reason");
        r.put("currency", "CNY");
        r.put("total_minor", 19900);
        r.put("addr_format", "ZH");
        r.put("addr_recipient", "张三");
        r.put("addr_country", "CN");
        r.put("addr_province", "浙江省");
        r.put("addr_city", "杭州市");
        r.put("addr_street", "文三路1号");
        r.put("items_revision", 0);
        r.put("version", 3);
        r.putNull("carrier");
        r.putNull("tracking_number");
        r.putNull("shipped_from");
        r.putNull("promised_delivery_date");
        r.putNull("shipped_at");
        return r;
    }

    /** A date column is a day number since the epoch, a timestamptz an ISO-8601 string (time.precision.mode adaptive). */
    private static ObjectNode shipped(ObjectNode r) {
        r.put("carrier", "SF");
        r.put("tracking_number", "SF1234567890");
        r.put("shipped_from", "深圳市");
        r.put("promised_delivery_date", (int) LocalDate.of(2026, 11, 28).toEpochDay());
        r.put("shipped_at", "2026-11-25T06:00:00.000000Z");
        return r;
    }

    private static String change(String op, JsonNode before, JsonNode after) {
        ObjectNode c = JSON.createObjectNode();
        c.put("op", op);
        c.set("before", before);
        c.set("after", after);
        c.set("source", JSON.createObjectNode().put("table", "orders").put("lsn", 12345L).put("ts_ms", 1795500000000L));
        c.put("ts_ms", 1795500000000L);
        return c.toString();
    }
}
