package io.ordercare.gateway.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.proto.order.v1.Payment;
import io.ordercare.proto.order.v1.PaymentTransaction;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Shopify orders carrying their payment transactions, through the webhook onto the real database and out again
 * over REST and gRPC: the record dialog-service explains failed payments from and returns-service refunds a
 * double charge from.
 */
@QuarkusTest
class ShopifyTransactionsWebhookTest {

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    @Test
    void failedInsufficientFundsSaleThenSucceededSaleIsPaidWithBothTransactionsOverRestAndGrpc() {
        String id = TestOrders.post(TestOrders.shopify("shopify-order-insufficient-funds.json", o -> {
        })).getString("id");

        JsonPath stored = given().get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("payments[0].status")).isEqualTo("PAID");
        assertThat(stored.getList("payments[0].transactions")).hasSize(2);
        assertThat(stored.getString("payments[0].transactions[0].kind")).isEqualTo("CHARGE");
        assertThat(stored.getString("payments[0].transactions[0].status")).isEqualTo("FAILED");
        assertThat(stored.getLong("payments[0].transactions[0].amountMinor")).isEqualTo(23133L);
        assertThat(stored.getString("payments[0].transactions[0].failureReason")).isEqualTo("insufficient_funds");
        assertThat(stored.getString("payments[0].transactions[0].providerRef")).isEqualTo("7301000001");
        assertThat(Instant.parse(stored.getString("payments[0].transactions[0].at")))
                .isEqualTo(Instant.parse("2026-11-27T14:15:31Z"));
        assertThat(stored.getString("payments[0].transactions[1].kind")).isEqualTo("CHARGE");
        assertThat(stored.getString("payments[0].transactions[1].status")).isEqualTo("SUCCEEDED");
        assertThat(stored.getLong("payments[0].transactions[1].amountMinor")).isEqualTo(23133L);
        assertThat(stored.getString("payments[0].transactions[1].failureReason")).isNull();
        assertThat(stored.getString("payments[0].transactions[1].providerRef")).isEqualTo("ch_1051_b7Kp2QxR");
        assertThat(Instant.parse(stored.getString("payments[0].transactions[1].at")))
                .isEqualTo(Instant.parse("2026-11-27T14:17:04Z"));

        Payment payment = grpcPayment(id);
        assertThat(payment.getStatus()).isEqualTo("PAID");
        assertThat(payment.getTransactionsList())
                .extracting(PaymentTransaction::getKind, PaymentTransaction::getStatus, t -> t.getAmount().getMinor(),
                        PaymentTransaction::getFailureReason, PaymentTransaction::getProviderRef)
                .containsExactly(
                        Tuple.tuple("CHARGE", "FAILED", 23133L, "insufficient_funds", "7301000001"),
                        Tuple.tuple("CHARGE", "SUCCEEDED", 23133L, "", "ch_1051_b7Kp2QxR"));
        assertThat(Instant.parse(payment.getTransactions(0).getAt())).isEqualTo(Instant.parse("2026-11-27T14:15:31Z"));
    }

    @Test
    void doubleChargeKeepsBothSucceededSalesOverRestAndGrpc() {
        String id = TestOrders.post(TestOrders.shopify("shopify-order-double-charge.json", o -> {
        })).getString("id");

        given().get("/api/orders/" + id).then().statusCode(200)
                .body("payments", hasSize(1))
                .body("payments[0].status", equalTo("PAID"))
                .body("payments[0].amountMinor", equalTo(23133))
                .body("payments[0].transactions", hasSize(2))
                .body("payments[0].transactions.kind", hasItems("CHARGE"))
                .body("payments[0].transactions.findAll { it.status == 'SUCCEEDED' && it.amountMinor == 23133 }",
                        hasSize(2))
                .body("payments[0].transactions.providerRef", hasItems("ch_1052_a1Fw9LmT", "ch_1052_c4Hz0NvY"));

        assertThat(grpcPayment(id).getTransactionsList())
                .extracting(PaymentTransaction::getKind, PaymentTransaction::getStatus, t -> t.getAmount().getMinor(),
                        t -> t.getAmount().getCurrency(), PaymentTransaction::getProviderRef)
                .containsExactly(
                        Tuple.tuple("CHARGE", "SUCCEEDED", 23133L, "USD", "ch_1052_a1Fw9LmT"),
                        Tuple.tuple("CHARGE", "SUCCEEDED", 23133L, "USD", "ch_1052_c4Hz0NvY"));
    }

    @Test
    void invalidTransactionIsRejectedAsProblemNamingTheFieldAndNothingIsStored() {
        ObjectNode payload = TestOrders.shopify("shopify-order-transactions-invalid.json", o -> {
        });

        given().contentType("application/json").header("Accept-Language", "en").body(payload.toString())
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/invalid-order"))
                .body("errors", hasSize(3))
                .body("errors.field", hasItems("transactions[1].amount", "transactions[2].kind",
                        "transactions[2].status"))
                .body("errors.find { it.field == 'transactions[1].amount' }.code", equalTo("invalid_number"))
                .body("errors.find { it.field == 'transactions[1].amount' }.message", equalTo("is not a valid number"))
                .body("errors.find { it.field == 'transactions[2].kind' }.code", equalTo("invalid_value"));

        assertNothingStoredFor(payload);
    }

    @Test
    void transactionInAnotherCurrencyIsRejectedInTheCallersLanguage() {
        ObjectNode payload = TestOrders.shopify("shopify-order-double-charge.json",
                o -> ((ObjectNode) o.get("transactions").get(1)).put("currency", "EUR"));

        given().contentType("application/json").header("Accept-Language", "zh-CN").body(payload.toString())
                .when().post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("transactions[1].currency"))
                .body("errors[0].code", equalTo("currency_mismatch"))
                .body("errors[0].message", equalTo("与订单币种不一致"));

        assertNothingStoredFor(payload);
    }

    @Test
    void orderWithoutTransactionsKeepsTheChargeDerivedFromFinancialStatus() {
        ObjectNode payload = TestOrders.shopify(o -> {
        });
        assertThat(payload.has("transactions")).isFalse();
        String id = TestOrders.post(payload).getString("id");

        JsonPath stored = given().get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("payments[0].status")).isEqualTo("PAID");
        assertThat(stored.getList("payments[0].transactions")).hasSize(1);
        assertThat(stored.getString("payments[0].transactions[0].kind")).isEqualTo("CHARGE");
        assertThat(stored.getString("payments[0].transactions[0].status")).isEqualTo("SUCCEEDED");
        assertThat(stored.getLong("payments[0].transactions[0].amountMinor")).isEqualTo(23133L);
        assertThat(stored.getString("payments[0].transactions[0].providerRef")).isNull();
        assertThat(stored.getString("payments[0].transactions[0].failureReason")).isNull();
        assertThat(Instant.parse(stored.getString("payments[0].transactions[0].at")))
                .isEqualTo(Instant.parse("2026-11-27T14:15:31Z"));
    }

    private Payment grpcPayment(String orderId) {
        Order order = orders.getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build());
        assertThat(order.getPaymentsList()).hasSize(1);
        return order.getPayments(0);
    }

    private static void assertNothingStoredFor(ObjectNode payload) {
        given().queryParam("platformAccount", "shopify:" + payload.get("customer").get("id").asText())
                .when().get("/api/orders")
                .then().statusCode(200).body("$", hasSize(0));
        given().queryParam("email", payload.get("email").asText())
                .when().get("/api/orders")
                .then().statusCode(200).body("$", hasSize(0));
    }
}
