package io.ordercare.gateway.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.gateway.platform.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Platform orders arriving at the webhook endpoint, stored in canonical form on the real database. */
@QuarkusTest
class OrderWebhookTest {

    @Test
    void shopifyOrderIsStoredInCanonicalForm() {
        ObjectNode payload = TestOrders.shopify(o -> {
        });
        JsonPath order = TestOrders.post(payload);

        JsonPath stored = given().get("/api/orders/" + order.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("platform")).isEqualTo("SHOPIFY");
        assertThat(stored.getString("externalId")).isEqualTo(payload.get("id").asText());
        assertThat(stored.getString("currency")).isEqualTo("USD");
        assertThat(stored.getString("shippingAddress.format")).isEqualTo("WESTERN");
        assertThat(stored.getString("shippingAddress.city")).isEqualTo("San Francisco");
        assertThat(stored.getString("shippingAddress.postalCode")).isEqualTo("94103");
        assertThat(stored.getList("items")).isNotEmpty();
        assertThat(stored.getLong("totalMinor")).isPositive();
        assertThat(stored.getString("customer.email")).isEqualTo(payload.get("email").asText());
        assertThat(stored.getList("customer.platformAccounts", String.class))
                .containsExactly("shopify:" + payload.get("customer").get("id").asText());
        assertThat(stored.getString("payments[0].status")).isEqualTo("PAID");
    }

    @Test
    void taobaoOrderIsStoredInCanonicalForm() {
        ObjectNode payload = TestOrders.taobao();
        JsonPath order = TestOrders.post(payload);

        assertThat(order.getString("platform")).isEqualTo("TAOBAO");
        assertThat(order.getString("currency")).isEqualTo("CNY");
        assertThat(order.getString("shippingAddress.format")).isEqualTo("ZH");
        assertThat(order.getString("shippingAddress.province")).isEqualTo("浙江省");
        assertThat(order.getString("shippingAddress.city")).isEqualTo("杭州市");
        assertThat(order.getString("shippingAddress.district")).isEqualTo("西湖区");
        assertThat(order.getString("customer.phone")).isEqualTo("+86" + payload.get("receiver_mobile").asText());
        assertThat(order.getString("items[0].sku")).isEqualTo("TSHIRT-M-RED");
        assertThat(order.getString("items[0].size")).isEqualTo("M");
        assertThat(order.getString("items[0].colour")).isEqualTo("红色");
        assertThat(order.getString("items[0].category")).isEqualTo("apparel");
        assertThat(order.getLong("totalMinor")).isEqualTo(39800L);
        assertThat(order.getString("payments[0].method")).isEqualTo("ALIPAY");
        assertThat(order.getString("status")).isIn("PLACED", "ON_HOLD");
    }

    @Test
    void jdOrderIsStoredInCanonicalForm() {
        ObjectNode payload = TestOrders.jd("jd-order-cod.json", o -> {
        });
        JsonPath order = TestOrders.post(payload);

        assertThat(order.getString("platform")).isEqualTo("JD");
        assertThat(order.getString("externalId")).isEqualTo(payload.get("orderId").asText());
        assertThat(order.getString("shippingAddress.format")).isEqualTo("ZH");
        assertThat(order.getString("payments[0].method")).isEqualTo("COD");
        assertThat(order.getString("payments[0].status")).isEqualTo("PENDING");
        assertThat(order.getList("customer.platformAccounts", String.class))
                .containsExactly("jd:" + payload.get("pin").asText());
    }

    @Test
    void redeliveredOrderReturnsTheStoredOneAndStoresNothingNew() {
        ObjectNode payload = TestOrders.taobao();
        String id = TestOrders.post(payload).getString("id");

        given().contentType("application/json").body(payload.toString())
                .when().post("/api/orders")
                .then().statusCode(200).body("id", equalTo(id));

        given().queryParam("platformAccount", "taobao:" + payload.get("buyer_nick").asText())
                .when().get("/api/orders")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id));
    }

    @Test
    void malformedJsonIsRejectedAsProblemAndNothingIsStored() {
        given().contentType("application/json").body("{\"tid\": 42, \"orders\": ")
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/malformed-json"))
                .body("status", equalTo(400));
    }

    @Test
    void everyInvalidFieldIsListedAndNothingIsStored() {
        ObjectNode payload = TestOrders.taobao(o -> {
            o.remove("receiver_name");
            ((ObjectNode) o.get("orders").get("order").get(0)).put("num", -1);
        });
        given().contentType("application/json").body(payload.toString())
                .when().post("/api/orders?platform=taobao")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/invalid-order"))
                .body("title", equalTo("The order payload is invalid"))
                .body("errors.field", hasItem("receiver_name"))
                .body("errors.code", hasItem("must_be_positive"));

        given().queryParam("platformAccount", "taobao:" + payload.get("buyer_nick").asText())
                .when().get("/api/orders")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void problemsAreInChineseWhenTheCallerPrefersChinese() {
        ObjectNode payload = TestOrders.taobao(o -> o.remove("receiver_name"));
        given().contentType("application/json").header("Accept-Language", "zh-CN,zh;q=0.9")
                .body(payload.toString())
                .when().post("/api/orders")
                .then().statusCode(400)
                .body("title", equalTo("订单数据无效"))
                .body("errors.find { it.field == 'receiver_name' }.message", equalTo("为必填项"));
    }

    @Test
    void unknownOrderIsAProblem404() {
        given().header("Accept-Language", "en")
                .when().get("/api/orders/OC-does-not-exist")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Order not found"))
                .body("detail", equalTo("There is no order with id OC-does-not-exist."));
    }
}
