package io.ordercare.gateway.order;

import static io.ordercare.gateway.platform.TestInventory.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.gateway.platform.TestInventory;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.Actor;
import io.ordercare.proto.order.v1.ConfirmOrderRequest;
import io.ordercare.proto.order.v1.Flag;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.proto.order.v1.OrderStatus;
import io.ordercare.proto.order.v1.ReplaceItemRequest;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * gRPC ReplaceItem: a short T-shirt (two wanted, one in stock, so the order is held for STOCK_SHORTAGE) is replaced
 * by a substitute the customer accepted. Products are priced between 700.00 and 1300.00, away from the price
 * bands of {@link FindSubstitutesGrpcTest}.
 */
@QuarkusTest
class ReplaceItemGrpcTest {

    private static final long UNIT = 100000;

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    /** A held order of 2 × {@code <p>ITEM} (M, red) at 1000.00, and substitutes for it. */
    private JsonPath heldOrder(String p) {
        ObjectNode unpriced = product(p + "UNPRICED", 5, "apparel", 0, "M", "红色");
        unpriced.remove("unitPriceMinor");
        unpriced.remove("currency");
        TestInventory.publish(orders,
                product(p + "ITEM", 1, "apparel", UNIT, "M", "红色"),
                product(p + "DEARER", 5, "apparel", 110000, "M", "蓝色"),
                product(p + "CHEAPER", 2, "apparel", 90000, "L", "红色"),
                product(p + "SHORT", 1, "apparel", 95000, "M", "红色"),
                product(p + "PHONE", 5, "digital", UNIT, null, null),
                unpriced);
        JsonPath order = TestOrders.post(TestOrders.taobaoTee(p + "ITEM", "M", "红色", 2, UNIT));
        assertThat(order.getString("status")).isEqualTo("ON_HOLD");
        assertThat(order.getList("flags.kind")).containsExactly("STOCK_SHORTAGE");
        return order;
    }

    private static String prefix() {
        return "RPL" + TestOrders.unique() + "-";
    }

    private static ReplaceItemRequest.Builder replace(JsonPath order, String sku) {
        return ReplaceItemRequest.newBuilder().setOrderId(order.getString("id"))
                .setExpectedVersion(order.getLong("version")).setItemId(order.getLong("items[0].id")).setSku(sku)
                .setActor(Actor.newBuilder().setActor("dialog-service").setReason("customer accepted a substitute"));
    }

    private Order read(String id) {
        return orders.getOrder(GetOrderRequest.newBuilder().setOrderId(id).build());
    }

    private static void assertStatus(Throwable e, Status.Code code, String description) {
        assertThat(e).isInstanceOfSatisfying(StatusRuntimeException.class, s -> {
            assertThat(s.getStatus().getCode()).isEqualTo(code);
            if (description != null) {
                assertThat(s.getStatus().getDescription()).isEqualTo(description);
            }
        });
    }

    @Test
    void aDearerSubstituteTakesTheLineAtTheOriginalPriceResolvesTheShortageAndTheOrderCanBeConfirmed() {
        String p = prefix();
        JsonPath held = heldOrder(p);
        String id = held.getString("id");

        Order replaced = orders.replaceItem(replace(held, p + "DEARER").build());

        OrderItem line = replaced.getItems(0);
        assertThat(line.getId()).isEqualTo(held.getLong("items[0].id"));
        assertThat(line.getSku()).isEqualTo(p + "DEARER");
        assertThat(line.getName()).isEqualTo("商品 " + p + "DEARER");
        assertThat(line.getCategory()).isEqualTo("apparel");
        assertThat(line.getSize()).isEqualTo("M");
        assertThat(line.getColour()).isEqualTo("蓝色");
        assertThat(line.getQuantity()).isEqualTo(2);
        assertThat(line.getUnitPrice().getMinor()).isEqualTo(UNIT); // never more than the customer paid
        assertThat(line.getListPrice().getMinor()).isEqualTo(110000);
        assertThat(replaced.getTotal().getMinor()).isEqualTo(2 * UNIT);
        assertThat(replaced.getStatus()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(replaced.getVersion()).isGreaterThan(held.getLong("version"));
        assertThat(replaced.getFlagsList()).extracting(Flag::getKind, Flag::getResolved)
                .containsExactly(tuple("STOCK_SHORTAGE", true));

        Order confirmed = orders.confirmOrder(ConfirmOrderRequest.newBuilder().setOrderId(id)
                .setExpectedVersion(replaced.getVersion()).setActor(Actor.newBuilder().setActor("dialog-service"))
                .build());

        assertThat(confirmed.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.getHoldReason()).isEmpty();
        assertThat(read(id).getItems(0).getSku()).isEqualTo(p + "DEARER");
    }

    @Test
    void aCheaperSubstituteLowersTheUnitPriceAndTheTotal() {
        String p = prefix();
        JsonPath held = heldOrder(p);

        Order replaced = orders.replaceItem(replace(held, p + "CHEAPER").build());

        assertThat(replaced.getItems(0).getUnitPrice().getMinor()).isEqualTo(90000);
        assertThat(replaced.getItems(0).getSize()).isEqualTo("L");
        assertThat(replaced.getTotal().getMinor()).isEqualTo(held.getLong("totalMinor") - 2 * (UNIT - 90000));
    }

    @Test
    void theReplacementIsAuditedAndPublishedAsItemsChanged() {
        String p = prefix();
        JsonPath held = heldOrder(p);
        String id = held.getString("id");

        orders.replaceItem(replace(held, p + "DEARER").build());

        JsonPath audit = given().get("/api/orders/" + id + "/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = audit.getList("findAll { it.field == 'ITEMS' }");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("actor", "dialog-service")
                .containsEntry("reason", "customer accepted a substitute");
        assertThat((String) items.get(0).get("before")).contains(p + "ITEM").doesNotContain(p + "DEARER");
        assertThat((String) items.get(0).get("after")).contains(p + "DEARER").doesNotContain(p + "ITEM\"");
        List<Map<String, Object>> flags = audit.getList("findAll { it.field == 'FLAG' }");
        assertThat(flags).anySatisfy(f -> {
            assertThat((String) f.get("before")).contains("STOCK_SHORTAGE");
            assertThat((String) f.get("after")).contains("RESOLVED");
        });
        assertThat(KafkaTopics.await("order.changes", r -> id.equals(r.key()) && r.value().contains("order.items-changed"),
                1, Duration.ofSeconds(30))).isNotEmpty();
    }

    @Test
    void anotherShortLineRaisesTheShortageAgain() {
        String p = prefix();
        TestInventory.publish(orders, product(p + "ALSO-SHORT", 0, "apparel", UNIT, "L", "红色"));
        ObjectNode payload = TestOrders.taobaoTee(p + "ITEM", "M", "红色", 2, UNIT);
        ArrayNode lines = (ArrayNode) payload.get("orders").get("order");
        ObjectNode second = lines.get(0).deepCopy();
        second.put("oid", TestOrders.unique());
        second.put("outer_sku_id", p + "ALSO-SHORT");
        second.put("sku_properties_name", "颜色分类:红色;尺码:L");
        lines.add(second);
        payload.put("total_fee", "4000.00");
        payload.put("payment", "4000.00");
        JsonPath held = heldOrderOf(p, payload);

        Order replaced = orders.replaceItem(replace(held, p + "DEARER").build());

        assertThat(replaced.getStatus()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(replaced.getFlagsList()).extracting(Flag::getKind, Flag::getResolved)
                .containsExactly(tuple("STOCK_SHORTAGE", true), tuple("STOCK_SHORTAGE", false));
        assertThat(replaced.getFlags(1).getDetail()).contains(p + "ALSO-SHORT").doesNotContain(p + "ITEM");
    }

    private JsonPath heldOrderOf(String p, ObjectNode payload) {
        TestInventory.publish(orders, product(p + "ITEM", 1, "apparel", UNIT, "M", "红色"),
                product(p + "DEARER", 5, "apparel", 110000, "M", "蓝色"));
        JsonPath order = TestOrders.post(payload);
        assertThat(order.getString("status")).isEqualTo("ON_HOLD");
        return order;
    }

    @Test
    void notEnoughOfTheSubstituteForTheQuantityIsAFailedPreconditionAndChangesNothing() {
        String p = prefix();
        JsonPath held = heldOrder(p);

        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "SHORT").build())),
                Status.Code.FAILED_PRECONDITION, "sku " + p + "SHORT: 1 available, 2 needed");

        Order now = read(held.getString("id"));
        assertThat(now.getVersion()).isEqualTo(held.getLong("version"));
        assertThat(now.getItems(0).getSku()).isEqualTo(p + "ITEM");
        assertThat(now.getFlagsList()).extracting(Flag::getResolved).containsExactly(false);
    }

    @Test
    void aStaleVersionIsAborted() {
        String p = prefix();
        JsonPath held = heldOrder(p);

        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "DEARER")
                .setExpectedVersion(held.getLong("version") - 1).build())), Status.Code.ABORTED, null);
        assertThat(read(held.getString("id")).getItems(0).getSku()).isEqualTo(p + "ITEM");
    }

    @Test
    void anUnknownSkuAnotherCategoryOrNoPriceIsAnInvalidArgument() {
        String p = prefix();
        JsonPath held = heldOrder(p);

        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "NEVER-HEARD-OF").build())),
                Status.Code.INVALID_ARGUMENT, "sku: unknown_sku");
        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "PHONE").build())),
                Status.Code.INVALID_ARGUMENT, "sku: category_mismatch");
        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "UNPRICED").build())),
                Status.Code.INVALID_ARGUMENT, "sku: no_price");
        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "ITEM").build())),
                Status.Code.INVALID_ARGUMENT, "sku: same_sku");
        assertStatus(failureOf(() -> orders.replaceItem(replace(held, p + "DEARER").setItemId(1).build())),
                Status.Code.INVALID_ARGUMENT, "itemId: unknown_item");
        assertStatus(failureOf(() -> orders.replaceItem(replace(held, "").clearItemId().build())),
                Status.Code.INVALID_ARGUMENT, "itemId: required; sku: required");
    }

    @Test
    void anOrderPastPackingIsAFailedPrecondition() {
        JsonPath packing = TestOrders.packing();

        assertStatus(failureOf(() -> orders.replaceItem(replace(packing, "ANY-SKU").build())),
                Status.Code.FAILED_PRECONDITION, null);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertStatus(failureOf(() -> orders.replaceItem(ReplaceItemRequest.newBuilder().setOrderId("OC0")
                .setItemId(1).setSku("ANY-SKU").build())), Status.Code.NOT_FOUND, null);
    }

    @Test
    void overRestTheItemIsReplacedAndAShortSubstituteIsAConflictProblem() {
        String p = prefix();
        JsonPath held = heldOrder(p);
        String path = "/api/orders/" + held.getString("id") + "/items/" + held.getLong("items[0].id") + "/replacement";

        given().contentType("application/json")
                .body(Map.of("expectedVersion", held.getLong("version"), "sku", p + "SHORT"))
                .put(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/out-of-stock"))
                .body("detail", equalTo("Only 1 of " + p + "SHORT available, 2 needed."));
        given().contentType("application/json")
                .body(Map.of("expectedVersion", held.getLong("version"), "sku", p + "CHEAPER", "actor", "agent:7"))
                .put(path).then().statusCode(200)
                .body("items[0].sku", equalTo(p + "CHEAPER"))
                .body("items[0].unitPriceMinor", equalTo(90000))
                .body("status", equalTo("ON_HOLD"));
    }

    private static Throwable failureOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected the call to fail").isNotNull();
        return thrown;
    }
}
