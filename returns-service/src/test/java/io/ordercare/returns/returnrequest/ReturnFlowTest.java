package io.ordercare.returns.returnrequest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.returns.logistics.ReturnParcels;
import io.ordercare.returns.platform.Db;
import io.ordercare.returns.platform.Orders;
import io.ordercare.returns.platform.Scans;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A return from request to close, moved by return-parcel scans from the real broker. */
@QuarkusTest
class ReturnFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReturnParcels parcels;

    @Inject
    Pool pool;

    static JsonPath get(String id) {
        return given().get("/api/returns/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath requestReturn(String order, long item, int quantity, String reason) {
        return given().contentType("application/json").body(Map.of("orderId", order, "reason", reason,
                "items", List.of(Map.of("itemId", item, "quantity", quantity)), "actor", "dialog-service"))
                .post("/api/returns").then().statusCode(201).extract().jsonPath();
    }

    static void schedulePickup(String id, String carrier, String number) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        given().contentType("application/json").body(Map.of("slotStart", start.toString(),
                "slotEnd", start.plus(2, ChronoUnit.HOURS).toString(), "carrier", carrier, "trackingNumber", number,
                "origin", "杭州市")).post("/api/returns/" + id + "/pickup").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PICKUP_SCHEDULED"));
    }

    static void awaitStatus(String id, String status) {
        await().atMost(WAIT).until(() -> status.equals(get(id).getString("status")));
    }

    @Test
    void aReturnGoesFromRequestToClosedDrivenByParcelScansAndIsRefundedOnce() {
        String order = Orders.taobao(true);
        long tee = Orders.item(order, "T恤");
        JsonPath rma = requestReturn(order, tee, 1, "NO_REASON");
        String id = rma.getString("id");
        assertThat(rma.getString("status")).isEqualTo("APPROVED");
        assertThat(rma.getString("eligibility.rule")).isEqualTo("WITHIN_POLICY");

        String number = "SFR" + Orders.unique();
        schedulePickup(id, "SF", number);
        assertThat(parcels.registered()).anySatisfy(r -> {
            assertThat(r.returnId()).isEqualTo(id);
            assertThat(r.trackingNumber()).isEqualTo(number);
            assertThat(r.destination()).isEqualTo("杭州市");
        });

        Instant t = Instant.now();
        String pickedUp = Scans.send(id, order, "SF", number, "PICKED_UP", t, "杭州西湖营业点");
        awaitStatus(id, "IN_TRANSIT");
        Scans.send(pickedUp, id, order, "SF", number, "PICKED_UP", t, "杭州西湖营业点"); // redelivered
        Scans.send(null, order, "SF", number, "ARRIVED", t.plusSeconds(3600), "杭州转运中心");
        Scans.send(null, order, "SF", number, "DELIVERED", t.plusSeconds(7200), "杭州退货仓");
        awaitStatus(id, "RECEIVED");
        // a late transit scan does not move the return back
        Scans.send(null, order, "SF", number, "IN_TRANSIT", t.plusSeconds(1800), "杭州转运中心");

        given().contentType("application/json").body(Map.of("passed", true, "actor", "warehouse:7", "note", "as new"))
                .post("/api/returns/" + id + "/inspection").then().statusCode(200);
        awaitStatus(id, "REFUNDED");
        JsonPath refunded = get(id);
        String refundId = refunded.getString("refundId");
        JsonPath refund = given().get("/api/refunds/" + refundId).then().statusCode(200).extract().jsonPath();
        assertThat(refund.getString("status")).isEqualTo("PAID");
        assertThat(refund.getLong("amountMinor")).isEqualTo(8900);
        assertThat(refund.getString("paymentMethod")).isEqualTo("ALIPAY");
        assertThat(refund.getString("idempotencyKey")).isEqualTo("return:" + id);

        given().contentType("application/json").body(Map.of("actor", "agent:1")).post("/api/returns/" + id + "/close")
                .then().statusCode(200);
        assertThat(get(id).getList("history.to", String.class)).containsExactly("REQUESTED", "APPROVED",
                "PICKUP_SCHEDULED", "IN_TRANSIT", "RECEIVED", "INSPECTED", "REFUNDED", "CLOSED");
        assertThat(Db.count(pool, "select count(*) from payout where idempotency_key = $1", "return:" + id)).isEqualTo(1);
        assertThat(Db.count(pool, "select count(*) from audit_log where refund_id = $1::uuid", refundId)).isEqualTo(3);
    }

    @Test
    void everyStepIsPublishedOnReturnsEventsWithASentenceForTheCustomer() {
        String order = Orders.taobao(true);
        String id = requestReturn(order, Orders.item(order, "T恤"), 2, "SIZE_FIT").getString("id");
        String number = "SFR" + Orders.unique();
        schedulePickup(id, "SF", number);
        Scans.send(id, order, "SF", number, "PICKED_UP", Instant.now(), "杭州西湖营业点");

        var records = KafkaTopics.await("returns.events", r -> order.equals(r.key()), 4, WAIT);
        assertThat(records).extracting(r -> r.value()).anySatisfy(v -> assertThat(v).contains("\"type\":\"return.requested\""))
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"return.approved\"", "\"subject\":\"" + order + "\"",
                        "退货申请", "is approved"))
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"return.pickup-scheduled\"", number, "上门取件"))
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"return.in-transit\"", "杭州西湖营业点"));
    }

    @Test
    void aRejectedReturnSaysWhyAndCannotBeScheduled() {
        String order = Orders.taobao(true);
        JsonPath rma = requestReturn(order, Orders.item(order, "车厘子"), 1, "CHANGED_MIND");
        assertThat(rma.getString("status")).isEqualTo("REJECTED");
        assertThat(rma.getString("eligibility.explanation.zh")).contains("生鲜");
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        given().contentType("application/json").body(Map.of("slotStart", start.toString(),
                "slotEnd", start.plus(2, ChronoUnit.HOURS).toString(), "carrier", "SF", "trackingNumber", "SFR" + Orders.unique()))
                .post("/api/returns/" + rma.getString("id") + "/pickup").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsRejectedWithEveryFieldListedAndNothingWritten() {
        String order = Orders.taobao(true);
        long before = Db.count(pool, "select count(*) from return_request");
        long events = Db.count(pool, "select count(*) from outbox");
        given().contentType("application/json").header("Accept-Language", "zh")
                .body(Map.of("orderId", order, "reason", "BORED", "kind", "SWAP",
                        "items", List.of(Map.of("itemId", 1, "quantity", 0))))
                .post("/api/returns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "reason", "items[0].quantity"));
        given().contentType("application/json").body(Map.of("orderId", order, "reason", "NO_REASON",
                "items", List.of(Map.of("itemId", 999999999, "quantity", 1))))
                .post("/api/returns").then().statusCode(400).body("errors[0].code", org.hamcrest.Matchers.equalTo("unknown_item"));
        given().contentType("application/json").body("{\"orderId\": ").post("/api/returns").then().statusCode(400);
        given().contentType("application/json").body(Map.of("idempotencyKey", "", "orderId", order, "reason", "NO_REASON",
                "items", List.of())).post("/api/refunds").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("idempotencyKey", "items"));
        assertThat(Db.count(pool, "select count(*) from return_request")).isEqualTo(before);
        assertThat(Db.count(pool, "select count(*) from outbox")).isEqualTo(events);
    }

    @Test
    void anUnreadableScanGoesToTheDlqWithTheReasonAndTheStreamGoesOn() {
        String key = "bad-" + Orders.unique();
        KafkaTopics.send("logistics.return-scans", key, "this is not json {");
        var dead = KafkaTopics.await("logistics.return-scans.dlq", r -> key.equals(r.key()), 1, WAIT);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .startsWith("not JSON");
    }
}
