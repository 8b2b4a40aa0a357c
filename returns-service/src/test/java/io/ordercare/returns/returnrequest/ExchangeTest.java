package io.ordercare.returns.returnrequest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.returns.order.OrderClient;
import io.ordercare.returns.platform.Db;
import io.ordercare.returns.platform.Orders;
import io.ordercare.returns.platform.Scans;
import io.ordercare.returns.refund.EmbeddedPaymentProvider;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Exchanges end to end against the real order-gateway: the replacement must be in its inventory snapshot (fed here
 * on inventory.levels), a cheaper replacement refunds the difference once, a dearer one charges it once.
 */
@QuarkusTest
class ExchangeTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    OrderClient orders;

    @Inject
    EmbeddedPaymentProvider provider;

    record Exchange(String order, String id) {
    }

    /** An exchange of one T-shirt of a delivered Taobao order, received back and inspected. */
    static Exchange inspectedExchange() {
        String order = Orders.taobao(true);
        String id = given().contentType("application/json").body(Map.of("orderId", order, "kind", "EXCHANGE",
                "reason", "SIZE_FIT", "items", List.of(Map.of("itemId", Orders.item(order, "T恤"), "quantity", 1))))
                .post("/api/returns").then().statusCode(201).extract().jsonPath().getString("id");
        String number = "SFX" + Orders.unique();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        given().contentType("application/json").body(Map.of("slotStart", start.toString(),
                "slotEnd", start.plus(1, ChronoUnit.HOURS).toString(), "carrier", "sf", "trackingNumber", number))
                .post("/api/returns/" + id + "/pickup").then().statusCode(200)
                .body("returnShippingPaidBy", Matchers.equalTo("SELLER"));
        // delivered back without a transit scan: straight to RECEIVED
        Scans.send(id, order, "SF", number, "DELIVERED", Instant.now(), "杭州退货仓");
        await().atMost(WAIT).until(() -> "RECEIVED".equals(given().get("/api/returns/" + id).jsonPath().getString("status")));
        given().contentType("application/json").body(Map.of("passed", true, "actor", "warehouse:7"))
                .post("/api/returns/" + id + "/inspection").then().statusCode(200)
                .body("status", Matchers.equalTo("INSPECTED"))
                .body("refundId", Matchers.nullValue());
        return new Exchange(order, id);
    }

    /** A replacement SKU of its own with {@code available} units in order-gateway's snapshot (once it answers so). */
    String stocked(int available) {
        String sku = "TSHIRT-L-RED-" + Orders.unique();
        KafkaTopics.send("inventory.levels", sku, "{\"sku\":\"" + sku + "\",\"available\":" + available + "}");
        await().atMost(WAIT).until(() -> {
            OrderClient.Stock s = orders.stock(sku).await().indefinitely();
            return s.known() && s.available() == available;
        });
        return sku;
    }

    static String shipment(String sku, long difference, String trackingNumber) {
        return "{\"carrier\":\"SF\",\"trackingNumber\":\"" + trackingNumber + "\",\"replacementSku\":\"" + sku
                + "\",\"priceDifferenceMinor\":" + difference + ",\"actor\":\"warehouse:7\"}";
    }

    static JsonPath ship(String id, String body, int status) {
        return given().contentType("application/json").body(body).post("/api/returns/" + id + "/exchange-shipment")
                .then().statusCode(status).extract().jsonPath();
    }

    static JsonPath ledger(String id) {
        return given().get("/api/refunds/" + id).then().statusCode(200).extract().jsonPath();
    }

    long count(String sql, Object... args) {
        return Db.count(pool, sql, args);
    }

    @Test
    void anExchangeForACheaperReplacementShipsItAndRefundsTheDifferenceOnce() {
        Exchange x = inspectedExchange();
        String sku = stocked(3);

        JsonPath shipped = ship(x.id(), shipment(sku, -1000, "SFN" + Orders.unique()), 200);
        assertThat(shipped.getString("status")).isEqualTo("EXCHANGE_SHIPPED");
        assertThat(shipped.getString("chargeId")).isNull();
        assertThat(shipped.getString("exchange.replacementSku")).isEqualTo(sku);
        String refundId = shipped.getString("refundId");
        var refund = ledger(refundId);
        assertThat(refund.getString("kind")).isEqualTo("EXCHANGE_DIFFERENCE");
        assertThat(refund.getLong("amountMinor")).isEqualTo(1000);
        await().atMost(WAIT).until(() -> "PAID".equals(ledger(refundId).getString("status")));
        assertThat(count("select count(*) from payout where idempotency_key = $1", "exchange:" + x.id())).isEqualTo(1);
        assertThat(count("select count(*) from refund where return_id = $1", x.id())).isEqualTo(1);
        assertThat(count("select count(*) from provider_charge where idempotency_key = $1", "exchange-charge:" + x.id()))
                .isZero();
        KafkaTopics.await("returns.events", r -> x.order().equals(r.key()) && r.value().contains("\"exchange.shipped\"")
                && r.value().contains(refundId), 1, WAIT);
    }

    @Test
    void aReplacementOutOfStockIsRefusedInBothLanguagesAndNothingIsWritten() {
        Exchange x = inspectedExchange();
        String sku = stocked(0);
        long transitions = count("select count(*) from return_transition where return_id = $1", x.id());

        given().contentType("application/json").header("Accept-Language", "en")
                .body(shipment(sku, 1500, "SFN" + Orders.unique())).post("/api/returns/" + x.id() + "/exchange-shipment")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", Matchers.endsWith("replacement-out-of-stock"))
                .body("title", Matchers.equalTo("Replacement out of stock"))
                .body("detail", Matchers.containsString(sku + " is not in stock: 1 needed, 0 available"));
        String unknown = "NEVER-STOCKED-" + Orders.unique();
        given().contentType("application/json").header("Accept-Language", "zh")
                .body(shipment(unknown, -500, "SFN" + Orders.unique())).post("/api/returns/" + x.id() + "/exchange-shipment")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", Matchers.equalTo("换货商品缺货"))
                .body("detail", Matchers.containsString("换货商品 " + unknown + " 库存不足：需要 1 件，现有 0 件"));

        JsonPath after = given().get("/api/returns/" + x.id()).jsonPath();
        assertThat(after.getString("status")).isEqualTo("INSPECTED");
        assertThat(after.getString("exchange")).isNull();
        assertThat(count("select count(*) from return_transition where return_id = $1", x.id())).isEqualTo(transitions);
        assertThat(count("select count(*) from refund where return_id = $1", x.id())).isZero();
        assertThat(count("select count(*) from audit_log where order_id = $1", x.order())).isZero();
        assertThat(count("select count(*) from outbox where key = $1 and event like '%exchange.shipped%'", x.order()))
                .isZero();
        assertThat(count("select count(*) from provider_charge where idempotency_key = $1", "exchange-charge:" + x.id()))
                .isZero();

        // once stocked, the same exchange ships
        KafkaTopics.send("inventory.levels", sku, "{\"sku\":\"" + sku + "\",\"available\":2}");
        await().atMost(WAIT).until(() -> orders.stock(sku).await().indefinitely().available() == 2);
        ship(x.id(), shipment(sku, 0, "SFN" + Orders.unique()), 200);
    }

    @Test
    void aDearerReplacementIsChargedOnceEvenWhenTheShipmentIsSentTwiceAndConcurrently() throws Exception {
        Exchange x = inspectedExchange();
        String sku = stocked(5);
        String body = shipment(sku, 1500, "SFN" + Orders.unique());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:18083/api/returns/" + x.id()
                    + "/exchange-shipment")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        assertThat(calls.stream().map(c -> c.join().statusCode())).containsOnly(200);
        JsonPath again = ship(x.id(), body, 200); // and once more, after all of them
        String chargeId = again.getString("chargeId");
        assertThat(chargeId).isNotNull();
        assertThat(again.getString("refundId")).isNull();
        assertThat(again.getLong("exchange.priceDifferenceMinor")).isEqualTo(1500);
        assertThat(calls.stream().map(c -> c.join().body()).allMatch(b -> b.contains(chargeId))).isTrue();

        String key = "exchange-charge:" + x.id();
        assertThat(count("select count(*) from refund where return_id = $1", x.id())).isEqualTo(1);
        assertThat(count("select count(*) from return_transition where return_id = $1 and to_status = 'EXCHANGE_SHIPPED'",
                x.id())).isEqualTo(1);
        JsonPath charge = ledger(chargeId);
        assertThat(charge.getString("kind")).isEqualTo("EXCHANGE_CHARGE");
        assertThat(charge.getString("idempotencyKey")).isEqualTo(key);
        assertThat(charge.getLong("amountMinor")).isEqualTo(1500);
        assertThat(charge.getString("paymentMethod")).isEqualTo(Orders.get(x.order()).getString("payments[0].method"));
        await().atMost(WAIT).until(() -> "PAID".equals(ledger(chargeId).getString("status")));
        assertThat(count("select count(*) from provider_charge where idempotency_key = $1 and amount_minor = 1500", key))
                .isEqualTo(1);
        assertThat(count("select count(*) from payout where idempotency_key = $1", key)).isZero();
        for (String action : List.of("charge.issued", "charge.submitted", "charge.paid")) {
            assertThat(count("select count(*) from audit_log where refund_id = $1::uuid and action = $2", chargeId, action))
                    .as(action).isEqualTo(1);
        }
        var charged = KafkaTopics.await("returns.events", r -> x.order().equals(r.key())
                && r.value().contains("\"exchange.difference-charged\""), 1, WAIT);
        assertThat(charged).hasSize(1);
        assertThat(charged.get(0).value()).contains("\"chargeId\":\"" + chargeId + "\"", "\"amountMinor\":1500",
                "has been charged to your original payment method", "差价 15.00 CNY 已从您的原支付账户扣款");
        // ship the replacement with another parcel now: refused, nothing more charged
        ship(x.id(), shipment(sku, 1500, "SFN" + Orders.unique()), 409);
        assertThat(count("select count(*) from refund where return_id = $1", x.id())).isEqualTo(1);
    }

    @Test
    void aChargeTheProviderFailsIsRetriedAndChargedOnce() {
        Exchange x = inspectedExchange();
        String sku = stocked(1);
        String key = "exchange-charge:" + x.id();
        provider.failNextAttempts(key, 2);

        String chargeId = ship(x.id(), shipment(sku, 2500, "SFN" + Orders.unique()), 200).getString("chargeId");

        await().atMost(WAIT).until(() -> "PAID".equals(ledger(chargeId).getString("status")));
        assertThat(ledger(chargeId).getInt("attempts")).isEqualTo(3);
        assertThat(count("select count(*) from provider_charge where idempotency_key = $1 and amount_minor = 2500", key))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where refund_id = $1::uuid and action = 'charge.failed'",
                chargeId)).isEqualTo(2);
    }

    @Test
    void aLargeChargeWaitsForReviewAndIsChargedOnceApproved() {
        Exchange x = inspectedExchange();
        String sku = stocked(1);
        String key = "exchange-charge:" + x.id();

        String chargeId = ship(x.id(), shipment(sku, 350000, "SFN" + Orders.unique()), 200).getString("chargeId");
        JsonPath charge = ledger(chargeId);
        assertThat(charge.getString("status")).isEqualTo("MANUAL_REVIEW");
        assertThat(charge.getString("reviewReason")).isEqualTo("AMOUNT_ABOVE_THRESHOLD");
        assertThat(count("select count(*) from provider_charge where idempotency_key = $1", key)).isZero();
        KafkaTopics.await("returns.events", r -> x.order().equals(r.key())
                && r.value().contains("\"exchange.charge-manual-review\""), 1, WAIT);

        given().contentType("application/json").body(Map.of("actor", "agent:9", "note", "customer agreed"))
                .post("/api/refunds/" + chargeId + "/approve").then().statusCode(200);
        await().atMost(WAIT).until(() -> "PAID".equals(ledger(chargeId).getString("status")));
        assertThat(count("select count(*) from provider_charge where idempotency_key = $1 and amount_minor = 350000",
                key)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where refund_id = $1::uuid and action = 'charge.approved'"
                + " and actor = 'agent:9'", chargeId)).isEqualTo(1);
    }

    @Test
    void aShipmentWithoutReplacementSkuIsInvalid() {
        given().contentType("application/json").body(Map.of("carrier", "SF", "trackingNumber", "SFN12345678",
                "actor", "warehouse:7")).post("/api/returns/RMANOPE/exchange-shipment")
                .then().statusCode(400).body("errors.field", Matchers.contains("replacementSku"));
    }
}
