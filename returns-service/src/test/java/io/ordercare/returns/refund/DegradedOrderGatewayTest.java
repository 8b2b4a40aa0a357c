package io.ordercare.returns.refund;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.returns.platform.Db;
import io.ordercare.returns.platform.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** order-gateway unreachable: nothing that needs the order is written, and money decisions wait for a person. */
@QuarkusTest
@TestProfile(DegradedOrderGatewayTest.GatewayDown.class)
class DegradedOrderGatewayTest {

    /** The orders client points at a port nobody listens on. */
    public static class GatewayDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.grpc.clients.orders.test-port", "1", "%test.quarkus.grpc.clients.orders.port", "1",
                    "%test.ordercare.returns.order-call-deadline", "1s");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aReturnInspectedWhileOrderGatewayIsDownIsRefundedOnlyAfterReview() {
        String id = "RMATEST" + Orders.unique();
        String order = "OC-DEGRADED-" + Orders.unique();
        pool.withTransaction(c -> c.preparedQuery("""
                insert into return_request (id, order_id, platform, kind, reason, opened, status, eligibility,
                    return_shipping_payer, currency, payment_method, order_total_minor, order_items, created_at, updated_at)
                values ($1, $2, 'TAOBAO', 'RETURN', 'NO_REASON', false, 'RECEIVED', '{}'::jsonb, 'BUYER', 'CNY', 'ALIPAY',
                    39800, '[{"itemId":1,"quantity":2,"unitPriceMinor":8900},{"itemId":2,"quantity":1,"unitPriceMinor":22000}]'::jsonb,
                    now(), now())""").execute(Tuple.of(id, order))
                .chain(() -> c.preparedQuery("""
                        insert into return_item (return_id, item_id, sku, name, category, quantity, unit_price_minor)
                        values ($1, 1, 'TEE', 'T-shirt', 'apparel', 1, 8900)""").execute(Tuple.of(id))))
                .await().indefinitely();

        var r = given().contentType("application/json").body(Map.of("passed", true, "actor", "warehouse:7"))
                .post("/api/returns/" + id + "/inspection").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("status")).isEqualTo("INSPECTED");
        var refund = given().get("/api/refunds/" + r.getString("refundId")).then().statusCode(200).extract().jsonPath();
        assertThat(refund.getString("status")).isEqualTo("MANUAL_REVIEW");
        assertThat(refund.getString("reviewReason")).isEqualTo("DEPENDENCY_DEGRADED");
        assertThat(refund.getLong("amountMinor")).isEqualTo(8900);
        assertThat(Db.count(pool, "select count(*) from payout where refund_id = $1::uuid", r.getString("refundId")))
                .isZero();
    }

    @Test
    void anExchangeWhoseStockCannotBeCheckedIsNotShippedNorChargedAndWritesNothing() {
        String id = "RMATEST" + Orders.unique();
        String order = "OC-DEGRADED-" + Orders.unique();
        pool.withTransaction(c -> c.preparedQuery("""
                insert into return_request (id, order_id, platform, kind, reason, opened, status, eligibility,
                    return_shipping_payer, currency, payment_method, order_total_minor, order_items, created_at, updated_at)
                values ($1, $2, 'TAOBAO', 'EXCHANGE', 'SIZE_FIT', false, 'INSPECTED', '{}'::jsonb, 'SELLER', 'CNY', 'ALIPAY',
                    8900, '[{"itemId":1,"quantity":1,"unitPriceMinor":8900}]'::jsonb, now(), now())""")
                .execute(Tuple.of(id, order))
                .chain(() -> c.preparedQuery("""
                        insert into return_item (return_id, item_id, sku, name, category, quantity, unit_price_minor)
                        values ($1, 1, 'TEE-M', 'T-shirt', 'apparel', 1, 8900)""").execute(Tuple.of(id))))
                .await().indefinitely();

        given().contentType("application/json").header("Accept-Language", "zh")
                .body(Map.of("carrier", "SF", "trackingNumber", "SFN" + Orders.unique(), "replacementSku", "TEE-L",
                        "priceDifferenceMinor", 1500, "actor", "warehouse:7"))
                .post("/api/returns/" + id + "/exchange-shipment")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("order-gateway-unavailable"));
        assertThat(given().get("/api/returns/" + id).jsonPath().getString("status")).isEqualTo("INSPECTED");
        assertThat(Db.count(pool, "select count(*) from return_transition where return_id = $1", id)).isZero();
        assertThat(Db.count(pool, "select count(*) from refund where return_id = $1", id)).isZero();
        assertThat(Db.count(pool, "select count(*) from outbox where key = $1", order)).isZero();
    }

    @Test
    void aRequestThatNeedsTheOrderIsUnavailableAndWritesNothing() {
        long returns = Db.count(pool, "select count(*) from return_request");
        long refunds = Db.count(pool, "select count(*) from refund");
        given().contentType("application/json").header("Accept-Language", "zh")
                .body(Map.of("orderId", "OC1", "reason", "NO_REASON")).post("/api/returns")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("订单服务暂不可用"));
        given().contentType("application/json").body(Map.of("idempotencyKey", "k-down", "orderId", "OC1",
                "reason", "DEFECTIVE", "items", List.of(Map.of("itemId", 1, "quantity", 1))))
                .post("/api/refunds").then().statusCode(503);
        assertThat(Db.count(pool, "select count(*) from return_request")).isEqualTo(returns);
        assertThat(Db.count(pool, "select count(*) from refund")).isEqualTo(refunds);
    }
}
