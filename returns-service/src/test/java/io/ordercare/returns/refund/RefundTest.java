package io.ordercare.returns.refund;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ordercare.returns.platform.Db;
import io.ordercare.returns.platform.Orders;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The refund ledger over REST against real orders: exactly once, retried, reviewed, prorated to the cent. */
@QuarkusTest
class RefundTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    EmbeddedPaymentProvider provider;

    static String body(String key, String order, long item, int quantity, String reason) {
        return "{\"idempotencyKey\":\"" + key + "\",\"orderId\":\"" + order + "\",\"reason\":\"" + reason
                + "\",\"actor\":\"dialog-service\",\"items\":[{\"itemId\":" + item + ",\"quantity\":" + quantity + "}]}";
    }

    static JsonPath refund(String id) {
        return given().get("/api/refunds/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void awaitStatus(String id, String status) {
        await().atMost(WAIT).until(() -> status.equals(refund(id).getString("status")));
    }

    static JsonPath post(String body, int status) {
        return given().contentType("application/json").body(body).post("/api/refunds").then().statusCode(status)
                .extract().jsonPath();
    }

    @Test
    void aHundredConcurrentIdenticalRequestsMakeOneRefundAndOnePayout() throws Exception {
        String order = Orders.taobao(true);
        long tee = Orders.item(order, "T恤");
        String key = "k-" + Orders.unique();
        String body = body(key, order, tee, 1, "WRONG_ITEM");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:18083/api/refunds"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).toList();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(calls.stream().map(c -> c.join().body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).distinct())
                .hasSize(1);

        assertThat(Db.count(pool, "select count(*) from refund where idempotency_key = $1", key)).isEqualTo(1);
        String id = calls.get(0).join().body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        awaitStatus(id, "PAID");
        assertThat(Db.count(pool, "select count(*) from payout where idempotency_key = $1", key)).isEqualTo(1);
        assertThat(refund(id).getLong("amountMinor")).isEqualTo(8900);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String order = Orders.taobao(true);
        long tee = Orders.item(order, "T恤");
        String key = "k-" + Orders.unique();
        post(body(key, order, tee, 1, "WRONG_ITEM"), 201);
        given().contentType("application/json").body(body(key, order, tee, 2, "WRONG_ITEM")).post("/api/refunds")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
    }

    @Test
    void moreUnitsThanAreLeftCannotBeRefundedUnderAnotherKey() {
        String order = Orders.taobao(true);
        long tee = Orders.item(order, "T恤");
        post(body("k-" + Orders.unique(), order, tee, 2, "WRONG_ITEM"), 201);
        given().contentType("application/json").body(body("k-" + Orders.unique(), order, tee, 1, "WRONG_ITEM"))
                .post("/api/refunds").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("quantity-exceeded"));
    }

    @Test
    void aFailingProviderIsRetriedAndPaysOnce() {
        String order = Orders.taobao(true);
        String key = "k-" + Orders.unique();
        provider.failNextAttempts(key, 2);
        String id = post(body(key, order, Orders.item(order, "耳机"), 1, "DEFECTIVE"), 201).getString("id");
        awaitStatus(id, "PAID");
        assertThat(refund(id).getInt("attempts")).isEqualTo(3);
        assertThat(Db.count(pool, "select count(*) from payout where idempotency_key = $1", key)).isEqualTo(1);
        assertThat(Db.count(pool, "select count(*) from audit_log where refund_id = $1::uuid and action = 'payout.failed'",
                id)).isEqualTo(2);
    }

    @Test
    void aProviderFailingEveryAttemptSendsTheRefundToManualReviewWithoutPaying() {
        String order = Orders.taobao(true);
        String key = "k-" + Orders.unique();
        provider.failNextAttempts(key, 100);
        String id = post(body(key, order, Orders.item(order, "耳机"), 1, "DEFECTIVE"), 201).getString("id");
        awaitStatus(id, "MANUAL_REVIEW");
        assertThat(refund(id).getString("reviewReason")).isEqualTo("PROVIDER_FAILING");
        assertThat(Db.count(pool, "select count(*) from payout where idempotency_key = $1", key)).isZero();
    }

    @Test
    void aRefundAboveTheThresholdWaitsForReviewAndIsPaidOnceApproved() {
        String order = Orders.jd(true);
        String key = "k-" + Orders.unique();
        JsonPath r = post(body(key, order, Orders.item(order, "冰箱"), 1, "DEFECTIVE"), 201);
        String id = r.getString("id");
        assertThat(r.getString("status")).isEqualTo("MANUAL_REVIEW");
        assertThat(r.getString("reviewReason")).isEqualTo("AMOUNT_ABOVE_THRESHOLD");
        assertThat(r.getLong("amountMinor")).isEqualTo(449910);
        assertThat(given().queryParam("status", "MANUAL_REVIEW").get("/api/refunds").jsonPath()
                .getList("id", String.class)).contains(id);
        assertThat(Db.count(pool, "select count(*) from payout where idempotency_key = $1", key)).isZero();
        KafkaTopics.await("returns.events", rec -> order.equals(rec.key()) && rec.value().contains("refund.manual-review"),
                1, WAIT);

        given().contentType("application/json").body(Map.of("actor", "agent:9", "note", "receipt checked"))
                .post("/api/refunds/" + id + "/approve").then().statusCode(200);
        awaitStatus(id, "PAID");
        assertThat(Db.count(pool, "select count(*) from payout where idempotency_key = $1", key)).isEqualTo(1);
        assertThat(Db.count(pool, "select count(*) from audit_log where refund_id = $1::uuid and action = 'refund.approved'"
                + " and actor = 'agent:9'", id)).isEqualTo(1);
    }

    @Test
    void refundsInPartsOfAnOrderWithAnUnevenOrderDiscountAddUpToWhatWasPaidToTheCent() {
        // 3 × 33.33 + 19.99 + 2 × 7.77 = 135.52, 10.00 off for the whole order: paid 125.52
        String order = Orders.create("jd-order.json", p -> {
            long n = Orders.unique();
            p.put("orderId", String.valueOf(n));
            p.put("pin", "jd_pin_" + n);
            p.put("orderTotalPrice", "135.52");
            p.put("sellerDiscount", "10.00");
            p.put("orderSellerPrice", "125.52");
            p.put("orderPayment", "125.52");
            p.put("freightPrice", "0.00");
            ArrayNode items = p.putArray("itemInfoList");
            items.addObject().put("skuId", "9001").put("outerSkuId", "MUG-1").put("skuName", "陶瓷马克杯")
                    .put("jdPrice", "33.33").put("itemTotal", "3").put("itemExt", "");
            items.addObject().put("skuId", "9002").put("outerSkuId", "LAMP-1").put("skuName", "护眼台灯")
                    .put("jdPrice", "19.99").put("itemTotal", "1").put("itemExt", "");
            items.addObject().put("skuId", "9003").put("outerSkuId", "PEN-1").put("skuName", "中性笔")
                    .put("jdPrice", "7.77").put("itemTotal", "2").put("itemExt", "");
        }, true);
        long mug = Orders.item(order, "马克杯"), lamp = Orders.item(order, "台灯"), pen = Orders.item(order, "中性笔");
        long total = 0;
        total += post(body("p1-" + order, order, mug, 1, "NO_REASON"), 201).getLong("amountMinor");
        total += post(body("p2-" + order, order, pen, 1, "NO_REASON"), 201).getLong("amountMinor");
        total += post(body("p3-" + order, order, mug, 2, "NO_REASON"), 201).getLong("amountMinor");
        total += post(body("p4-" + order, order, lamp, 1, "NO_REASON"), 201).getLong("amountMinor");
        total += post(body("p5-" + order, order, pen, 1, "NO_REASON"), 201).getLong("amountMinor");
        assertThat(total).isEqualTo(12552);
        assertThat(Orders.get(order).getLong("totalMinor")).isEqualTo(12552);
    }

    @Test
    void anOrderChargedOnceHasNoDuplicateToRefund() {
        String order = Orders.taobao(true);
        given().contentType("application/json").body(Map.of("orderId", order, "actor", "dialog-service"))
                .post("/api/refunds/double-charges").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
    }
}
