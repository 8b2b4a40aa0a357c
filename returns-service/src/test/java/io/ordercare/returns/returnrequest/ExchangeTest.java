package io.ordercare.returns.returnrequest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.returns.platform.Orders;
import io.ordercare.returns.platform.Scans;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExchangeTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anExchangeForACheaperReplacementShipsItAndRefundsTheDifferenceOnce() {
        String order = Orders.taobao(true);
        String id = given().contentType("application/json").body(Map.of("orderId", order, "kind", "EXCHANGE",
                "reason", "SIZE_FIT", "items", List.of(Map.of("itemId", Orders.item(order, "T恤"), "quantity", 1))))
                .post("/api/returns").then().statusCode(201).extract().jsonPath().getString("id");
        String number = "SFX" + Orders.unique();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        given().contentType("application/json").body(Map.of("slotStart", start.toString(),
                "slotEnd", start.plus(1, ChronoUnit.HOURS).toString(), "carrier", "sf", "trackingNumber", number))
                .post("/api/returns/" + id + "/pickup").then().statusCode(200)
                .body("returnShippingPaidBy", org.hamcrest.Matchers.equalTo("SELLER"));
        // delivered back without a transit scan: straight to RECEIVED
        Scans.send(id, order, "SF", number, "DELIVERED", Instant.now(), "杭州退货仓");
        await().atMost(WAIT).until(() -> "RECEIVED".equals(given().get("/api/returns/" + id).jsonPath().getString("status")));
        given().contentType("application/json").body(Map.of("passed", true, "actor", "warehouse:7"))
                .post("/api/returns/" + id + "/inspection").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("INSPECTED"))
                .body("refundId", org.hamcrest.Matchers.nullValue());

        var shipped = given().contentType("application/json").body(Map.of("carrier", "SF", "trackingNumber",
                "SFN" + Orders.unique(), "replacementSku", "TSHIRT-L-RED", "priceDifferenceMinor", -1000,
                "actor", "warehouse:7")).post("/api/returns/" + id + "/exchange-shipment").then().statusCode(200)
                .extract().jsonPath();
        assertThat(shipped.getString("status")).isEqualTo("EXCHANGE_SHIPPED");
        String refundId = shipped.getString("refundId");
        var refund = given().get("/api/refunds/" + refundId).jsonPath();
        assertThat(refund.getString("kind")).isEqualTo("EXCHANGE_DIFFERENCE");
        assertThat(refund.getLong("amountMinor")).isEqualTo(1000);
        KafkaTopics.await("returns.events", r -> order.equals(r.key()) && r.value().contains("\"exchange.shipped\""), 1, WAIT);
    }
}
