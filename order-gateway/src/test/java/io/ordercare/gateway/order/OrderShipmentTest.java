package io.ordercare.gateway.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.ordercare.gateway.platform.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shipping an order over REST: {@code POST /api/orders/{id}/shipment}. */
@QuarkusTest
class OrderShipmentTest {

    static final String PROMISED = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();

    static Map<String, Object> shipment(long expectedVersion) {
        Map<String, Object> body = new HashMap<>();
        body.put("expectedVersion", expectedVersion);
        body.put("actor", "warehouse:sz-1");
        body.put("reason", "handed to the carrier");
        body.put("carrier", "sf");
        body.put("trackingNumber", "SF1234567890");
        body.put("origin", "深圳市");
        body.put("promisedDeliveryDate", PROMISED);
        return body;
    }

    private static JsonPath read(String id) {
        return given().get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shippingAPackingOrderRecordsItsShipmentAndAuditsTheChange() {
        JsonPath order = TestOrders.packing();
        String id = order.getString("id");
        long version = order.getLong("version");

        JsonPath shipped = given().contentType("application/json").body(shipment(version))
                .when().post("/api/orders/" + id + "/shipment")
                .then().statusCode(200).extract().jsonPath();

        assertThat(shipped.getString("status")).isEqualTo("SHIPPED");
        assertThat(shipped.getLong("version")).isGreaterThan(version);
        assertThat(shipped.getString("shipment.carrier")).isEqualTo("SF");
        assertThat(shipped.getString("shipment.trackingNumber")).isEqualTo("SF1234567890");
        assertThat(shipped.getString("shipment.origin")).isEqualTo("深圳市");
        assertThat(shipped.getString("shipment.promisedDeliveryDate")).isEqualTo(PROMISED);
        assertThat(shipped.getString("shipment.shippedAt")).isNotBlank();
        assertThat(read(id).getString("shipment.trackingNumber")).isEqualTo("SF1234567890");

        JsonPath audit = given().get("/api/orders/" + id + "/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> status = audit.getList("findAll { it.field == 'STATUS' && it.after.contains('SHIPPED') }");
        assertThat(status).hasSize(1);
        assertThat((String) status.get(0).get("before")).contains("PACKING");
        assertThat(status.get(0)).containsEntry("actor", "warehouse:sz-1").containsEntry("reason", "handed to the carrier");
        List<Map<String, Object>> recorded = audit.getList("findAll { it.field == 'SHIPMENT' }");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("before")).isNull();
        assertThat((String) recorded.get(0).get("after")).contains("SF1234567890", PROMISED);
    }

    @Test
    void anOrderNotShippedHasNoShipment() {
        assertThat(TestOrders.packing().getMap("$")).containsEntry("shipment", null);
    }

    @Test
    void movingToShippedWithoutShipmentDataStillWorks() {
        JsonPath order = TestOrders.packing();

        JsonPath shipped = given().contentType("application/json")
                .body(Map.of("expectedVersion", order.getLong("version"), "status", "SHIPPED"))
                .post("/api/orders/" + order.getString("id") + "/status").then().statusCode(200).extract().jsonPath();

        assertThat(shipped.getString("status")).isEqualTo("SHIPPED");
        assertThat(shipped.getMap("$")).containsEntry("shipment", null);
    }

    @Test
    void invalidShipmentIsRejectedWithEveryInvalidFieldAndChangesNothing() {
        JsonPath order = TestOrders.packing();
        String id = order.getString("id");
        Map<String, Object> body = shipment(order.getLong("version"));
        body.remove("carrier");
        body.put("trackingNumber", "SF 12");
        body.put("promisedDeliveryDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2).toString());

        given().contentType("application/json").body(body)
                .when().post("/api/orders/" + id + "/shipment")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("carrier", "trackingNumber", "promisedDeliveryDate"))
                .body("errors.code", containsInAnyOrder("required", "invalid_tracking_number", "date_in_past"));

        JsonPath now = read(id);
        assertThat(now.getLong("version")).isEqualTo(order.getLong("version"));
        assertThat(now.getString("status")).isEqualTo("PACKING");
        assertThat(now.getMap("$")).containsEntry("shipment", null);
    }

    @Test
    void fieldErrorsAreExplainedInChinese() {
        JsonPath order = TestOrders.packing();
        Map<String, Object> body = shipment(order.getLong("version"));
        body.put("carrier", "S.F.");

        given().contentType("application/json").header("Accept-Language", "zh").body(body)
                .when().post("/api/orders/" + order.getString("id") + "/shipment")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("carrier"))
                .body("errors[0].code", equalTo("invalid_carrier"))
                .body("errors[0].message", equalTo("不是有效的快递公司代码（大写字母、数字、_ 或 -，最多 32 位）"));
    }

    @Test
    void aConfirmedOrderCannotShipBeforePacking() {
        JsonPath order = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));
        String id = order.getString("id");
        long v = given().contentType("application/json").body(Map.of("expectedVersion", order.getLong("version")))
                .post("/api/orders/" + id + "/confirm").then().statusCode(200).extract().jsonPath().getLong("version");

        given().contentType("application/json").body(shipment(v))
                .when().post("/api/orders/" + id + "/shipment")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/order-state"));

        assertThat(read(id).getString("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aCancelledOrderCannotShip() {
        JsonPath order = TestOrders.packing();
        String id = order.getString("id");
        long v = given().contentType("application/json").body(Map.of("expectedVersion", order.getLong("version")))
                .post("/api/orders/" + id + "/cancel").then().statusCode(200).extract().jsonPath().getLong("version");

        given().contentType("application/json").body(shipment(v))
                .when().post("/api/orders/" + id + "/shipment")
                .then().statusCode(409)
                .body("type", equalTo("https://ordercare.io/problems/order-state"));

        assertThat(read(id).getMap("$")).containsEntry("shipment", null);
    }

    @Test
    void staleVersionGets409AndShipsNothing() {
        JsonPath order = TestOrders.packing();
        String id = order.getString("id");

        given().contentType("application/json").body(shipment(order.getLong("version") - 1))
                .when().post("/api/orders/" + id + "/shipment")
                .then().statusCode(409)
                .body("type", equalTo("https://ordercare.io/problems/version-conflict"));

        assertThat(read(id).getString("status")).isEqualTo("PACKING");
    }

    @Test
    void unknownOrderGets404() {
        given().contentType("application/json").body(shipment(0))
                .when().post("/api/orders/OC0/shipment")
                .then().statusCode(404)
                .body("type", equalTo("https://ordercare.io/problems/order-not-found"));
    }
}
