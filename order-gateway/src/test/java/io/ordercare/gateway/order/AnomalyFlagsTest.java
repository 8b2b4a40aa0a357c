package io.ordercare.gateway.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.gateway.platform.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The anomaly rules at ingest and on change, end to end: flag stored, order ON_HOLD with the reason. */
@QuarkusTest
class AnomalyFlagsTest {

    @Test
    void paidPriceFarBelowListPriceHoldsTheOrder() {
        JsonPath order = TestOrders.post(TestOrders.taobao(o -> {
            ObjectNode line = (ObjectNode) o.get("orders").get("order").get(0);
            line.put("payment", "2.00"); // 2 pieces listed at 99.00 paid 1.00 each
            line.put("divide_order_fee", "2.00");
            o.put("payment", "222.00");
        }));
        assertThat(order.getString("status")).isEqualTo("ON_HOLD");
        assertThat(order.getString("holdReason")).contains("PRICE_ANOMALY");
        assertThat(order.getList("flags.kind")).contains("PRICE_ANOMALY");
    }

    @Test
    void stockBelowTheOrderedQuantityHoldsTheOrder() {
        String sku = "SKU-" + TestOrders.unique();
        KafkaTopics.send("inventory.levels", sku, "{\"sku\":\"" + sku + "\",\"available\":1,\"restockEta\":\"2026-12-05\"}");
        ObjectNode payload = TestOrders.taobao(o -> ((ObjectNode) o.get("orders").get("order").get(0))
                .put("outer_sku_id", sku));
        // the level is applied asynchronously; wait until the order placed after it sees it
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ObjectNode probe = TestOrders.taobao(o -> ((ObjectNode) o.get("orders").get("order").get(0))
                    .put("outer_sku_id", sku));
            return TestOrders.post(probe).getList("flags.kind").contains("STOCK_SHORTAGE");
        });
        JsonPath order = TestOrders.post(payload);
        assertThat(order.getString("status")).isEqualTo("ON_HOLD");
        assertThat(order.getList("flags.kind")).contains("STOCK_SHORTAGE");
        assertThat(order.getString("flags.find { it.kind == 'STOCK_SHORTAGE' }.detail")).contains(sku);
    }

    @Test
    void highValueFirstOrderOfANewCustomerIsAFraudRisk() {
        JsonPath order = TestOrders.post(TestOrders.jd("jd-order.json", o -> {
        })); // a 4,999.00 refrigerator from a never-seen buyer
        assertThat(order.getList("flags.kind")).contains("FRAUD_RISK");
        assertThat(order.getString("status")).isEqualTo("ON_HOLD");
    }

    @Test
    void addressChangedAfterPaymentIsFlagged() {
        JsonPath order = TestOrders.post(TestOrders.taobao());
        assertThat(order.getList("flags.kind")).doesNotContain("ADDRESS_CHANGED_AFTER_PAYMENT");

        JsonPath changed = given().contentType("application/json")
                .body(Map.of("expectedVersion", order.getLong("version"), "address", OrderChangesTest.SHANGHAI))
                .put("/api/orders/" + order.getString("id") + "/address")
                .then().statusCode(200).extract().jsonPath();

        assertThat(changed.getList("flags.kind")).contains("ADDRESS_CHANGED_AFTER_PAYMENT");
        assertThat(changed.getString("status")).isEqualTo("ON_HOLD");
    }

    @Test
    void priceAdjustedWithConsentResolvesThePriceFlagAndIsAudited() {
        JsonPath order = TestOrders.post(TestOrders.taobao(o -> {
            ObjectNode line = (ObjectNode) o.get("orders").get("order").get(0);
            line.put("payment", "2.00");
            line.put("divide_order_fee", "2.00");
            o.put("payment", "222.00");
        }));
        long itemId = order.getLong("items[0].id");

        JsonPath adjusted = given().contentType("application/json")
                .body(Map.of("expectedVersion", order.getLong("version"), "itemId", itemId, "unitPriceMinor", 8900,
                        "actor", "dialog-service", "reason", "customer consented to the correct price"))
                .post("/api/orders/" + order.getString("id") + "/price-adjustments")
                .then().statusCode(200).extract().jsonPath();

        assertThat(adjusted.getLong("items[0].unitPriceMinor")).isEqualTo(8900L);
        assertThat(adjusted.getBoolean("flags.find { it.kind == 'PRICE_ANOMALY' }.resolved")).isTrue();
        assertThat(given().get("/api/orders/" + order.getString("id") + "/audit").then().extract().jsonPath()
                .getList("field", String.class)).contains("PRICE");
    }
}
