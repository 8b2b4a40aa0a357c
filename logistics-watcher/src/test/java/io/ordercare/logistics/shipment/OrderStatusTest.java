package io.ordercare.logistics.shipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.logistics.platform.Parcels;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.ordercare.tools.carrier.SimulatedScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * End to end across the service boundary: a real order-gateway (its own process on the test stack) ships an
 * order, its CDC event starts the shipment here, the carrier's scans come in, and the order's status is moved
 * through order-gateway's gRPC OrderService.
 */
@QuarkusTest
class OrderStatusTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "ordercare.test.order-gateway.port")
    int gatewayPort;

    RequestSpecification gateway() {
        return given().port(gatewayPort).contentType("application/json");
    }

    /** A new order in order-gateway, confirmed, packed and shipped with this parcel. */
    String shippedOrder(String trackingNumber) throws Exception {
        ObjectNode payload;
        try (InputStream in = getClass().getResourceAsStream("/payloads/jd-order-cod.json")) {
            payload = (ObjectNode) JSON.readTree(in);
        }
        long n = Parcels.unique();
        payload.put("orderId", String.valueOf(n));
        payload.put("pin", "jd_pin_" + n);
        var order = gateway().body(payload.toString()).post("/api/orders").then().statusCode(201).extract().jsonPath();
        String id = order.getString("id");
        long v = order.getLong("version");
        v = gateway().body(Map.of("expectedVersion", v)).post("/api/orders/" + id + "/confirm")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        v = gateway().body(Map.of("expectedVersion", v, "status", "PACKING")).post("/api/orders/" + id + "/status")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        gateway().body(Map.of("expectedVersion", v, "actor", "warehouse:1", "carrier", "SF", "trackingNumber",
                trackingNumber, "origin", "深圳市", "promisedDeliveryDate", LocalDate.now().plusDays(4).toString()))
                .post("/api/orders/" + id + "/shipment").then().statusCode(200);
        return id;
    }

    String gatewayStatus(String orderId) {
        return gateway().get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath().getString("status");
    }

    void awaitShipment(String orderId) {
        await().atMost(WAIT).until(() -> given().queryParam("orderId", orderId).get("/api/shipments").statusCode() == 200);
    }

    @Test
    void aDeliveredScanMovesTheOrderToDeliveredThroughOrderGateway() throws Exception {
        String trackingNumber = Parcels.trackingNumber("SF");
        String orderId = shippedOrder(trackingNumber);
        awaitShipment(orderId);
        var track = given().queryParam("orderId", orderId).get("/api/shipments").jsonPath();
        assertThat(track.getString("[0].destination")).isEqualTo("杭州市");
        assertThat(track.getString("[0].origin")).isEqualTo("深圳市");

        SimulatedParcel p = new SimulatedParcel("SF", trackingNumber, "深圳市", "杭州市", Instant.now());
        Parcels.scanAll(p, Parcels.script(p, Scenario.DELIVERED));

        await().atMost(WAIT).until(() -> "DELIVERED".equals(gatewayStatus(orderId)));
        List<Map<String, Object>> audit = gateway().get("/api/orders/" + orderId + "/audit").jsonPath().getList("$");
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.get("actor")).isEqualTo("logistics-watcher");
            assertThat(String.valueOf(a.get("after"))).contains("DELIVERED");
        });
    }

    @Test
    void aFailedDeliveryIsAlertedAndHoldsTheOrderUntilTheNextAttemptDelivers() throws Exception {
        String trackingNumber = Parcels.trackingNumber("SF");
        String orderId = shippedOrder(trackingNumber);
        awaitShipment(orderId);
        SimulatedParcel p = new SimulatedParcel("SF", trackingNumber, "深圳市", "杭州市", Instant.now());
        List<SimulatedScan> script = Parcels.script(p, Scenario.FAILED_THEN_DELIVERED);
        int failed = 0;
        while (script.get(failed).kind() != io.ordercare.tools.carrier.ScanKind.DELIVERY_FAILED) {
            failed++;
        }
        Parcels.scanAll(p, script.subList(0, failed + 1));

        var alert = KafkaTopics.await("logistics.alerts", r -> orderId.equals(r.key())
                && r.value().contains("shipment.delivery-failed"), 1, WAIT);
        assertThat(alert.get(0).value()).contains("\"deliveryAttempts\":1", "REDELIVER");
        await().atMost(WAIT).until(() -> "ON_HOLD".equals(gatewayStatus(orderId)));

        Parcels.scanAll(p, script.subList(failed + 1, script.size()));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(gatewayStatus(orderId)));
    }
}
