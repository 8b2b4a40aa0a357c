package io.ordercare.gateway.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.gateway.platform.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Committed changes of the order tables become CloudEvents on the real {@code order.changes} topic. */
@QuarkusTest
class OrderChangesStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CdcEngine engine;

    @Test
    void everyKindOfChangeIsPublishedAsACloudEventKeyedByOrderId() throws Exception {
        // paid, then address changed after payment: created, payment, flagged, status (ON_HOLD), address
        JsonPath order = TestOrders.post(TestOrders.taobao());
        String id = order.getString("id");
        long v = order.getLong("version");
        v = given().contentType("application/json").body(Map.of("expectedVersion", v, "address", Map.of(
                "recipientName", "王五", "country", "CN", "province", "上海市", "city", "上海市", "street", "世纪大道100号")))
                .put("/api/orders/" + id + "/address").then().statusCode(200).extract().jsonPath().getLong("version");
        long itemId = order.getLong("items[0].id");
        v = given().contentType("application/json").body(Map.of("expectedVersion", v, "changes",
                List.of(Map.of("itemId", itemId, "quantity", 1))))
                .put("/api/orders/" + id + "/items").then().statusCode(200).extract().jsonPath().getLong("version");
        given().contentType("application/json").body(Map.of("expectedVersion", v))
                .post("/api/orders/" + id + "/cancel").then().statusCode(200);

        List<String> expected = List.of("order.created", "payment.changed", "order.flagged", "order.status-changed",
                "order.address-changed", "order.items-changed", "order.cancelled");
        List<ConsumerRecord<String, String>> records = KafkaTopics.await("order.changes", r -> id.equals(r.key()),
                8, WAIT);
        List<JsonNode> events = records.stream().map(r -> read(r.value())).toList();

        assertThat(events.stream().map(e -> e.get("type").asText()).distinct().toList()).containsAll(expected);
        for (JsonNode e : events) {
            assertThat(e.get("specversion").asText()).isEqualTo("1.0");
            assertThat(e.get("subject").asText()).isEqualTo(id);
            assertThat(e.get("source").asText()).isEqualTo("/order-gateway/cdc");
            assertThat(e.hasNonNull("id")).isTrue();
            assertThat(e.hasNonNull("time")).isTrue();
            assertThat(e.get("data").get("orderId").asText()).isEqualTo(id);
        }
        JsonNode address = events.stream().filter(e -> e.get("type").asText().equals("order.address-changed"))
                .findFirst().orElseThrow();
        assertThat(address.get("data").get("address").get("city").asText()).isEqualTo("上海市");
        assertThat(address.get("data").get("previousAddress").get("city").asText()).isEqualTo("杭州市");
        JsonNode cancelled = events.stream().filter(e -> e.get("type").asText().equals("order.cancelled"))
                .findFirst().orElseThrow();
        assertThat(cancelled.get("data").get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void changesMadeWhileTheEngineIsDownArriveAfterItRestarts() {
        JsonPath order = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));
        String id = order.getString("id");
        KafkaTopics.await("order.changes", r -> id.equals(r.key()) && r.value().contains("order.created"), 1, WAIT);

        engine.stop();
        try {
            given().contentType("application/json").body(Map.of("expectedVersion", order.getLong("version")))
                    .post("/api/orders/" + id + "/confirm").then().statusCode(200);
        } finally {
            engine.start();
        }

        List<ConsumerRecord<String, String>> confirmed = KafkaTopics.await("order.changes",
                r -> id.equals(r.key()) && r.value().contains("order.status-changed"), 1, WAIT);
        assertThat(read(confirmed.get(0).value()).get("data").get("status").asText()).isEqualTo("CONFIRMED");
        // at-least-once without gaps: the created event is not lost and the confirmation is there exactly
        // once unless the engine re-read it, in which case both copies carry the same event id
        List<String> ids = KafkaTopics.readAll("order.changes", r -> id.equals(r.key())
                && r.value().contains("order.status-changed")).stream().map(r -> read(r.value()).get("id").asText())
                .distinct().toList();
        assertThat(ids).hasSize(1);
    }

    @Test
    void shippingPublishesOneStatusChangeCarryingTheShipment() {
        JsonPath order = TestOrders.packing();
        String id = order.getString("id");
        String promised = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        given().contentType("application/json").body(Map.of("expectedVersion", order.getLong("version"),
                "actor", "warehouse:sz-1", "carrier", "SF", "trackingNumber", "SF1234567890", "origin", "深圳市",
                "promisedDeliveryDate", promised))
                .post("/api/orders/" + id + "/shipment").then().statusCode(200);

        List<ConsumerRecord<String, String>> shipped = KafkaTopics.await("order.changes", r -> id.equals(r.key())
                && r.value().contains("order.status-changed") && r.value().contains("\"status\":\"SHIPPED\""), 1, WAIT);
        JsonNode data = read(shipped.get(0).value()).get("data");

        assertThat(data.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(data.get("previousStatus").asText()).isEqualTo("PACKING");
        JsonNode shipment = data.get("shipment");
        assertThat(shipment.get("carrier").asText()).isEqualTo("SF");
        assertThat(shipment.get("trackingNumber").asText()).isEqualTo("SF1234567890");
        assertThat(shipment.get("origin").asText()).isEqualTo("深圳市");
        assertThat(shipment.get("destination").asText()).isEqualTo("杭州市");
        assertThat(shipment.get("promisedDeliveryDate").asText()).isEqualTo(promised);
        assertThat(java.time.Instant.parse(shipment.get("shippedAt").asText())).isNotNull();
        // the events from before it shipped carry no shipment
        assertThat(KafkaTopics.readAll("order.changes", r -> id.equals(r.key()) && !r.value().contains("SHIPPED"))
                .stream().map(r -> read(r.value()).get("data"))).isNotEmpty().allMatch(d -> !d.has("shipment"));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}
