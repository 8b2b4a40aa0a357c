package io.ordercare.returns.returnrequest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.returns.platform.Orders;
import io.ordercare.returns.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import static org.awaitility.Awaitility.await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The eligibility check over REST, on real orders of a real order-gateway: each rule with its explanation. */
@QuarkusTest
class EligibilityTest {

    @Inject
    TestClock clock;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static JsonPath check(Map<String, Object> body, String language) {
        return given().contentType("application/json").header("Accept-Language", language).body(body)
                .post("/api/returns/eligibility").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> request(String orderId, long itemId, int quantity, String reason, boolean opened) {
        return Map.of("orderId", orderId, "items", List.of(Map.of("itemId", itemId, "quantity", quantity)),
                "reason", reason, "opened", opened);
    }

    @Test
    void aDeliveredItemWithinItsWindowIsEligibleWithThePolicyAndDeadline() {
        String order = Orders.taobao(true);
        long tee = Orders.item(order, "T恤");
        JsonPath r = check(request(order, tee, 1, "NO_REASON", false), "zh-CN");
        assertThat(r.getBoolean("eligible")).isTrue();
        assertThat(r.getString("rule")).isEqualTo("WITHIN_POLICY");
        assertThat(r.getString("explanation.en")).startsWith("Returnable: within the 7-day return window");
        assertThat(r.getString("explanation.zh")).startsWith("可以退货：在签收后 7 天的退货期内");
        assertThat(r.getString("items[0].policyScope")).isEqualTo("*/apparel");
        assertThat(r.getInt("items[0].policyVersion")).isEqualTo(1);
        assertThat(r.getString("items[0].deadline")).isNotBlank();
        assertThat(r.getLong("estimatedRefundMinor")).isEqualTo(8900);
        assertThat(r.getString("returnShippingPaidBy")).isEqualTo("BUYER");
    }

    @Test
    void theWindowRunsFromTheRecordedDeliveryNotFromALaterChangeOfTheOrder() {
        String order = Orders.taobao(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.preparedQuery(
                "select delivered_at from order_delivery where order_id = $1").execute(Tuple.of(order)).await()
                .indefinitely().size() == 1);
        Instant delivered = pool.preparedQuery("select delivered_at from order_delivery where order_id = $1")
                .execute(Tuple.of(order)).await().indefinitely().iterator().next().getOffsetDateTime(0).toInstant();
        Orders.complete(order);
        Instant completed = Instant.parse(Orders.get(order).getString("updatedAt"));
        assertThat(completed).isAfter(delivered);

        JsonPath r = check(request(order, Orders.item(order, "T恤"), 1, "NO_REASON", false), "en");
        assertThat(Instant.parse(r.getString("items[0].deadline"))).isEqualTo(delivered.plus(Duration.ofDays(7)));
    }

    @Test
    void anOrderNotDeliveredYetIsNotEligible() {
        String order = Orders.taobao(false);
        JsonPath r = check(request(order, Orders.item(order, "T恤"), 1, "NO_REASON", false), "en");
        assertThat(r.getBoolean("eligible")).isFalse();
        assertThat(r.getString("rule")).isEqualTo("NOT_DELIVERED");
        assertThat(r.getString("explanation.en")).contains("once it has been delivered");
    }

    @Test
    void afterTheReturnWindowTheCheckSaysWhenItEnded() {
        String order = Orders.taobao(true);
        clock.advance(Duration.ofDays(8));
        JsonPath r = check(request(order, Orders.item(order, "T恤"), 1, "NO_REASON", false), "en");
        assertThat(r.getBoolean("eligible")).isFalse();
        assertThat(r.getString("rule")).isEqualTo("WINDOW_PASSED");
        assertThat(r.getString("explanation.en")).matches("The 7-day return window from delivery ended on \\d{4}-\\d{2}-\\d{2}\\.");
    }

    @Test
    void freshFoodIsNotReturnableForAChangeOfMindButIsWhenDamaged() {
        String order = Orders.taobao(true);
        long cherries = Orders.item(order, "车厘子");
        JsonPath no = check(request(order, cherries, 1, "CHANGED_MIND", false), "zh");
        assertThat(no.getString("rule")).isEqualTo("NON_RETURNABLE_CATEGORY");
        assertThat(no.getString("explanation.zh")).contains("生鲜");
        assertThat(no.getString("explanation.en")).contains("fresh food");
        JsonPath yes = check(request(order, cherries, 1, "DAMAGED_IN_TRANSIT", false), "zh");
        assertThat(yes.getBoolean("eligible")).isTrue();
        assertThat(yes.getString("returnShippingPaidBy")).isEqualTo("SELLER");
    }

    @Test
    void openedDigitalGoodsAreNotReturnableWithoutADefect() {
        String order = Orders.taobao(true);
        JsonPath r = check(request(order, Orders.item(order, "耳机"), 1, "NO_REASON", true), "en");
        assertThat(r.getString("rule")).isEqualTo("OPENED");
        assertThat(r.getString("explanation.en")).contains("has been opened");
    }

    @Test
    void anUnknownOrderIsAProblemInTheCallersLanguage() {
        given().contentType("application/json").header("Accept-Language", "zh-CN")
                .body(Map.of("orderId", "OC-NOPE-1", "reason", "NO_REASON")).post("/api/returns/eligibility")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("订单不存在"));
    }
}
