package io.ordercare.gateway.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.ordercare.gateway.platform.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes to a stored order over REST: versions, lifecycle, audit, refunds. */
@QuarkusTest
class OrderChangesTest {

    static final Map<String, Object> SHANGHAI = Map.of("format", "ZH", "recipientName", "王五", "recipientPhone",
            "+8613900000000", "country", "CN", "province", "上海市", "city", "上海市", "district", "浦东新区", "street",
            "世纪大道100号");

    private static JsonPath unpaidOrder() {
        // cash on delivery: nothing paid yet, so an address change raises no flag
        return TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));
    }

    @Test
    void addressChangeIsAppliedAuditedAndBumpsTheVersion() {
        JsonPath order = unpaidOrder();
        String id = order.getString("id");
        long version = order.getLong("version");

        JsonPath changed = given().contentType("application/json")
                .body(Map.of("expectedVersion", version, "address", SHANGHAI, "actor", "agent:7", "reason",
                        "customer moved"))
                .when().put("/api/orders/" + id + "/address")
                .then().statusCode(200).extract().jsonPath();

        assertThat(changed.getString("shippingAddress.city")).isEqualTo("上海市");
        assertThat(changed.getLong("version")).isGreaterThan(version);
        List<Map<String, Object>> audit = given().get("/api/orders/" + id + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.field == 'ADDRESS' }");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "agent:7").containsEntry("reason", "customer moved");
        assertThat((String) audit.get(0).get("before")).contains(order.getString("shippingAddress.city"));
        assertThat((String) audit.get(0).get("after")).contains("上海市");
    }

    @Test
    void staleVersionGets409AndChangesNothing() {
        JsonPath order = unpaidOrder();
        String id = order.getString("id");
        long version = order.getLong("version");
        given().contentType("application/json").body(Map.of("expectedVersion", version, "reason", "first"))
                .post("/api/orders/" + id + "/confirm").then().statusCode(200);

        given().contentType("application/json")
                .body(Map.of("expectedVersion", version, "address", SHANGHAI))
                .when().put("/api/orders/" + id + "/address")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/version-conflict"));

        JsonPath now = given().get("/api/orders/" + id).then().extract().jsonPath();
        assertThat(now.getString("shippingAddress.city")).isEqualTo(order.getString("shippingAddress.city"));
        assertThat(given().get("/api/orders/" + id + "/audit").then().extract().jsonPath()
                .getList("findAll { it.field == 'ADDRESS' }")).isEmpty();
    }

    @Test
    void itemQuantityChangeRecomputesTheTotal() {
        JsonPath order = unpaidOrder();
        String id = order.getString("id");
        long itemId = order.getLong("items[0].id");
        long unit = order.getLong("items[0].unitPriceMinor");
        int quantity = order.getInt("items[0].quantity");
        long total = order.getLong("totalMinor");

        JsonPath changed = given().contentType("application/json")
                .body(Map.of("expectedVersion", order.getLong("version"),
                        "changes", List.of(Map.of("itemId", itemId, "quantity", quantity + 1))))
                .when().put("/api/orders/" + id + "/items")
                .then().statusCode(200).extract().jsonPath();

        assertThat(changed.getInt("items[0].quantity")).isEqualTo(quantity + 1);
        assertThat(changed.getLong("totalMinor")).isEqualTo(total + unit);
    }

    @Test
    void zeroQuantityIsRejectedWithTheField() {
        JsonPath order = unpaidOrder();
        given().contentType("application/json")
                .body(Map.of("expectedVersion", order.getLong("version"),
                        "changes", List.of(Map.of("itemId", order.getLong("items[0].id"), "quantity", 0))))
                .when().put("/api/orders/" + order.getString("id") + "/items")
                .then().statusCode(400)
                .body("errors.field", hasItem("changes[0].quantity"))
                .body("errors.code", hasItem("must_be_positive"));
    }

    @Test
    void cancellingAPaidOrderRefundsToTheOriginalMethod() {
        JsonPath order = TestOrders.post(TestOrders.taobao());
        String id = order.getString("id");

        JsonPath cancelled = given().contentType("application/json")
                .body(Map.of("expectedVersion", order.getLong("version"), "actor", "dialog-service", "reason",
                        "customer asked"))
                .when().post("/api/orders/" + id + "/cancel")
                .then().statusCode(200).extract().jsonPath();

        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("payments[0].status")).isEqualTo("REFUND_PENDING");
        assertThat(cancelled.getString("payments[0].method")).isEqualTo("ALIPAY");
        assertThat(cancelled.getList("payments[0].transactions.kind")).contains("REFUND");
        assertThat(given().get("/api/orders/" + id + "/audit").then().extract().jsonPath()
                .getList("field", String.class)).contains("STATUS", "PAYMENT");
    }

    @Test
    void addressCannotChangeOnceShipped() {
        JsonPath order = unpaidOrder();
        String id = order.getString("id");
        long v = order.getLong("version");
        v = given().contentType("application/json").body(Map.of("expectedVersion", v))
                .post("/api/orders/" + id + "/confirm").then().statusCode(200).extract().jsonPath().getLong("version");
        v = given().contentType("application/json").body(Map.of("expectedVersion", v, "status", "PACKING"))
                .post("/api/orders/" + id + "/status").then().statusCode(200).extract().jsonPath().getLong("version");
        v = given().contentType("application/json").body(Map.of("expectedVersion", v, "status", "SHIPPED"))
                .post("/api/orders/" + id + "/status").then().statusCode(200).extract().jsonPath().getLong("version");

        given().contentType("application/json").header("Accept-Language", "zh")
                .body(Map.of("expectedVersion", v, "address", SHANGHAI))
                .when().put("/api/orders/" + id + "/address")
                .then().statusCode(409)
                .body("type", equalTo("https://ordercare.io/problems/order-state"))
                .body("title", equalTo("订单当前状态不允许此操作"));
    }

    @Test
    void skippingALifecycleStepIsRefused() {
        JsonPath order = unpaidOrder();
        given().contentType("application/json").body(Map.of("expectedVersion", order.getLong("version"), "status",
                "DELIVERED"))
                .post("/api/orders/" + order.getString("id") + "/status")
                .then().statusCode(409).body("type", equalTo("https://ordercare.io/problems/order-state"));
    }

    @Test
    void changeWithoutExpectedVersionIsRejected() {
        JsonPath order = unpaidOrder();
        given().contentType("application/json").body(Map.of("reason", "no version"))
                .post("/api/orders/" + order.getString("id") + "/confirm")
                .then().statusCode(400).body("errors.field", hasItem("expectedVersion"));
    }
}
