package io.ordercare.returns.priceprotection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.returns.platform.Db;
import io.ordercare.returns.platform.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriceProtectionTest {

    @Inject
    Pool pool;

    static io.restassured.response.ValidatableResponse claim(String order, long item, long price) {
        return given().contentType("application/json").body(Map.of("orderId", order, "itemId", item,
                "currentUnitPriceMinor", price, "evidence", "jd.com product page 2026-11-20", "actor", "dialog-service"))
                .post("/api/price-protection").then();
    }

    @Test
    void aPriceDropWithinTheWindowIsRefundedOnceForTheUnitsKept() {
        String order = Orders.jd(true); // placed yesterday; apparel: 7 days of price protection; hoodie 2 × 539.55 paid
        long hoodie = Orders.item(order, "卫衣");
        JsonPath first = claim(order, hoodie, 49900).statusCode(201).extract().jsonPath();
        assertThat(first.getString("kind")).isEqualTo("PRICE_PROTECTION");
        assertThat(first.getLong("amountMinor")).isEqualTo(2 * (53955 - 49900));
        // a second claim, even naming a lower price, returns the refund already granted
        JsonPath again = claim(order, hoodie, 39900).statusCode(200).extract().jsonPath();
        assertThat(again.getString("id")).isEqualTo(first.getString("id"));
        assertThat(Db.count(pool, "select count(*) from refund where order_id = $1 and kind = 'PRICE_PROTECTION'", order))
                .isEqualTo(1);
        assertThat(Db.count(pool, "select count(*) from price_snapshot where order_id = $1", order)).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(given().get("/api/refunds/"
                + first.getString("id")).jsonPath().getString("status")));
    }

    @Test
    void noDropAndAnExpiredWindowAreRefusedWithTheReason() {
        String jd = Orders.jd(true);
        claim(jd, Orders.item(jd, "卫衣"), 60000).statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("price-protection-no-price-drop"));
        String taobao = Orders.taobao(true); // placed 2026-11-11, default policy: 7 days
        claim(taobao, Orders.item(taobao, "T恤"), 5000).statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("price-protection-window-passed"));
    }
}
