package io.ordercare.gateway.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.Actor;
import io.ordercare.proto.order.v1.Flag;
import io.ordercare.proto.order.v1.FlagOrderRequest;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** gRPC FlagOrder: callers raise CUSTOMER_UNREACHABLE, AWAITING_RESTOCK or NEEDS_AGENT for other channels to see. */
@QuarkusTest
class FlagOrderGrpcTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    private static JsonPath unpaidOrder() {
        return TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));
    }

    private static FlagOrderRequest.Builder flag(String orderId, String kind) {
        return FlagOrderRequest.newBuilder().setOrderId(orderId).setKind(kind)
                .setDetail("3 calls unanswered (09:00, 12:00, 18:00)")
                .setActor(Actor.newBuilder().setActor("dialog-service").setReason("confirmation calls"));
    }

    private Order read(String orderId) {
        return orders.getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build());
    }

    @Test
    void aFlagIsRaisedWithoutChangingStatusOrVersionAndIsAudited() {
        JsonPath order = unpaidOrder();
        String id = order.getString("id");

        Order flagged = orders.flagOrder(flag(id, "CUSTOMER_UNREACHABLE").build());

        assertThat(flagged.getFlagsList()).extracting(Flag::getKind, Flag::getDetail, Flag::getResolved)
                .containsExactly(tuple("CUSTOMER_UNREACHABLE",
                        "3 calls unanswered (09:00, 12:00, 18:00)", false));
        assertThat(flagged.getFlags(0).getRaisedAt()).isNotEmpty();
        assertThat(flagged.getStatus().name()).isEqualTo(order.getString("status"));
        assertThat(flagged.getVersion()).isEqualTo(order.getLong("version"));
        assertThat(read(id).getFlagsList()).extracting(Flag::getKind).containsExactly("CUSTOMER_UNREACHABLE");
        List<Map<String, Object>> audit = given().get("/api/orders/" + id + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.field == 'FLAG' }");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "dialog-service").containsEntry("reason", "confirmation calls");
        assertThat((String) audit.get(0).get("after")).contains("CUSTOMER_UNREACHABLE");
    }

    @Test
    void raisingAKindAlreadyOpenRaisesNothingAndAnswersTheOrderAsItIs() {
        String id = unpaidOrder().getString("id");
        Order first = orders.flagOrder(flag(id, "NEEDS_AGENT").build());

        Order again = orders.flagOrder(flag(id, "needs_agent").setDetail("handed over again").build());

        assertThat(again).isEqualTo(first);
        assertThat(given().get("/api/orders/" + id + "/audit").then().extract().jsonPath()
                .getList("findAll { it.field == 'FLAG' }")).hasSize(1);
        // another kind is another flag
        assertThat(orders.flagOrder(flag(id, "AWAITING_RESTOCK").build()).getFlagsList()).extracting(Flag::getKind)
                .containsExactly("NEEDS_AGENT", "AWAITING_RESTOCK");
    }

    @Test
    void raisesOfOneKindAtOnceRaiseOneFlag() {
        String id = unpaidOrder().getString("id");

        List<CompletableFuture<Order>> calls = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> orders.flagOrder(flag(id, "NEEDS_AGENT").build()))).toList();
        calls.forEach(CompletableFuture::join);

        assertThat(read(id).getFlagsList()).extracting(Flag::getKind).containsExactly("NEEDS_AGENT");
    }

    @Test
    void aFlagIsPublishedAsOrderFlaggedOnOrderChanges() {
        String id = unpaidOrder().getString("id");

        orders.flagOrder(flag(id, "AWAITING_RESTOCK").setDetail("customer waits for TSHIRT-M-RED").build());

        JsonNode data = json(KafkaTopics.await("order.changes", r -> id.equals(r.key())
                && r.value().contains("order.flagged") && r.value().contains("AWAITING_RESTOCK"), 1,
                Duration.ofSeconds(30)).get(0).value()).get("data");
        assertThat(data.get("orderId").asText()).isEqualTo(id);
        assertThat(data.get("kind").asText()).isEqualTo("AWAITING_RESTOCK");
        assertThat(data.get("detail").asText()).isEqualTo("customer waits for TSHIRT-M-RED");
    }

    @Test
    void aFlagOnAHeldOrderIsResolvedWhenTheOrderIsConfirmedAndCanBeRaisedAgain() {
        JsonPath held = TestOrders.post(TestOrders.jd("jd-order.json", o -> {
        })); // a high-value first order: FRAUD_RISK, ON_HOLD
        String id = held.getString("id");
        Order flagged = orders.flagOrder(flag(id, "CUSTOMER_UNREACHABLE").build());
        given().contentType("application/json").body(Map.of("expectedVersion", flagged.getVersion()))
                .post("/api/orders/" + id + "/confirm").then().statusCode(200);

        Order again = orders.flagOrder(flag(id, "CUSTOMER_UNREACHABLE").build());

        assertThat(again.getFlagsList()).filteredOn(f -> f.getKind().equals("CUSTOMER_UNREACHABLE"))
                .extracting(Flag::getResolved).containsExactly(true, false);
    }

    @Test
    void anUnknownKindIsAnInvalidArgument() {
        String id = unpaidOrder().getString("id");
        assertThatThrownBy(() -> orders.flagOrder(flag(id, "CALL_ME_MAYBE").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("kind: unknown_flag_kind");
                });
    }

    @Test
    void aKindOfTheOrderRulesIsAnInvalidArgument() {
        String id = unpaidOrder().getString("id");
        for (String reserved : List.of("PRICE_ANOMALY", "STOCK_SHORTAGE", "FRAUD_RISK", "ADDRESS_CHANGED_AFTER_PAYMENT")) {
            assertThatThrownBy(() -> orders.flagOrder(flag(id, reserved).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).isEqualTo("kind: reserved_flag_kind");
                    });
        }
        assertThat(read(id).getFlagsList()).isEmpty();
    }

    @Test
    void aMissingKindAndAnOverlongDetailAreBothNamed() {
        String id = unpaidOrder().getString("id");
        assertThatThrownBy(() -> orders.flagOrder(flag(id, "").setDetail("x".repeat(501)).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("kind: required; detail: too_long");
                });
        assertThat(orders.flagOrder(flag(id, "NEEDS_AGENT").setDetail("x".repeat(500)).build()).getFlags(0)
                .getDetail()).hasSize(500);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThatThrownBy(() -> orders.flagOrder(flag("OC0", "NEEDS_AGENT").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void overRestAFlagIsRaisedAndAReservedKindIsAProblem() {
        String id = unpaidOrder().getString("id");

        given().contentType("application/json").body(Map.of("kind", "NEEDS_AGENT", "actor", "agent:7"))
                .post("/api/orders/" + id + "/flags")
                .then().statusCode(200).body("flags[0].kind", equalTo("NEEDS_AGENT"));
        given().contentType("application/json").header("Accept-Language", "zh-CN")
                .body(Map.of("kind", "FRAUD_RISK")).post("/api/orders/" + id + "/flags")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].code", equalTo("reserved_flag_kind"))
                .body("errors[0].message", equalTo("只能由订单规则标记，调用方不可使用"));
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}
