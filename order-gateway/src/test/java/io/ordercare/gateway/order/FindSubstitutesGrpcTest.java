package io.ordercare.gateway.order;

import static io.ordercare.gateway.platform.TestInventory.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.gateway.platform.TestInventory;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.FindSubstitutesRequest;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.proto.order.v1.Substitute;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gRPC FindSubstitutes over product facts received on inventory.levels. Every test prices its item in a band of
 * its own (100.00, 200.00, 450.00, 3000.00; other tests' products lie elsewhere), so that the shared snapshot holds no
 * other candidate within its ±30 % window.
 */
@QuarkusTest
class FindSubstitutesGrpcTest {

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    private List<Substitute> find(String orderId, long itemId, int limit) {
        return orders.findSubstitutes(FindSubstitutesRequest.newBuilder().setOrderId(orderId).setItemId(itemId)
                .setLimit(limit).build()).getSubstitutesList();
    }

    private static ObjectNode unpriced(String sku) {
        ObjectNode level = product(sku, 5, "apparel", 0, "M", "红色");
        level.remove("unitPriceMinor");
        level.remove("currency");
        return level;
    }

    @Test
    void candidatesOfTheSameCategoryInStockAndWithinThePriceWindowComeBestFirst() {
        String p = "SUB" + TestOrders.unique() + "-";
        ObjectNode dollars = product(p + "DOLLARS", 5, "apparel", 10000, "M", "红色").put("currency", "USD");
        TestInventory.publish(orders,
                product(p + "ITEM", 9, "apparel", 10000, "M", "红色"),
                product(p + "EXACT", 5, "apparel", 10000, "M", "红色"),
                product(p + "SIZE", 5, "APPAREL", 10000, "M", "蓝色"),
                product(p + "CHEAP", 2, "apparel", 9000, "M", "红色"),
                product(p + "BLANK", 5, "apparel", 11000, null, null),
                product(p + "OTHER", 5, "apparel", 10000, "L", "蓝色"),
                product(p + "EDGE", 5, "apparel", 13000, "XL", "黑色"),
                product(p + "FAR", 5, "apparel", 13001, "M", "红色"),
                product(p + "SHORT", 1, "apparel", 10000, "M", "红色"),
                product(p + "PHONE", 5, "digital", 10000, null, null),
                dollars, unpriced(p + "UNPRICED"));
        JsonPath order = TestOrders.post(TestOrders.taobaoTee(p + "ITEM", "M", "红色", 2, 10000));

        List<Substitute> found = find(order.getString("id"), order.getLong("items[0].id"), 20);

        assertThat(found).extracting(Substitute::getSku).containsExactly(p + "EXACT", p + "BLANK", p + "CHEAP",
                p + "SIZE", p + "OTHER", p + "EDGE");
        assertThat(found.get(0).getScore()).isCloseTo(1.75, within(1e-9));
        assertThat(found.get(1).getScore()).isCloseTo(1.65, within(1e-9));
        assertThat(found.get(2).getScore()).isCloseTo(1.65, within(1e-9));
        assertThat(found.get(3).getScore()).isCloseTo(1.5, within(1e-9));
        assertThat(found.get(4).getScore()).isCloseTo(1.0, within(1e-9));
        assertThat(found.get(5).getScore()).isCloseTo(0.7, within(1e-9));
        Substitute cheap = found.get(2);
        assertThat(cheap.getName()).isEqualTo("商品 " + p + "CHEAP");
        assertThat(cheap.getCategory()).isEqualTo("apparel");
        assertThat(cheap.getSize()).isEqualTo("M");
        assertThat(cheap.getColour()).isEqualTo("红色");
        assertThat(cheap.getUnitPrice().getMinor()).isEqualTo(9000);
        assertThat(cheap.getUnitPrice().getCurrency()).isEqualTo("CNY");
        assertThat(cheap.getAvailable()).isEqualTo(2);
        assertThat(found.get(1).getSize()).isEmpty();
        // without a limit, the best three
        assertThat(find(order.getString("id"), order.getLong("items[0].id"), 0)).extracting(Substitute::getSku)
                .containsExactly(p + "EXACT", p + "BLANK", p + "CHEAP");
    }

    @Test
    void aStockOnlyRecordClearsTheProductFactsOfItsSku() {
        String p = "SUB" + TestOrders.unique() + "-";
        TestInventory.publish(orders, product(p + "KEPT", 5, "apparel", 20000, "M", "红色"),
                product(p + "CLEARED", 5, "apparel", 20000, "M", "红色"));
        TestInventory.publish(orders, TestInventory.stockOnly(p + "CLEARED", 6));
        JsonPath order = TestOrders.post(TestOrders.taobaoTee(p + "ITEM", "M", "红色", 1, 20000));

        assertThat(find(order.getString("id"), order.getLong("items[0].id"), 5)).extracting(Substitute::getSku)
                .containsExactly(p + "KEPT");
    }

    @Test
    void nothingFitsIsAnEmptyAnswer() {
        JsonPath order = TestOrders.post(TestOrders.taobaoTee("SUB" + TestOrders.unique() + "-LONELY", "M", "红色", 1,
                300000));
        assertThat(find(order.getString("id"), order.getLong("items[0].id"), 3)).isEmpty();
    }

    @Test
    void anUnknownOrderOrItemIsNotFound() {
        JsonPath order = TestOrders.post(TestOrders.taobao());
        assertThatThrownBy(() -> find("OC0", 1, 3)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> find(order.getString("id"), 1, 3)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).isEqualTo("item 1 of order " + order.getString("id")
                            + " not found");
                });
    }

    @Test
    void aLimitOutsideOneToTwentyIsAnInvalidArgument() {
        JsonPath order = TestOrders.post(TestOrders.taobao());
        for (int limit : new int[] { -1, 21 }) {
            assertThatThrownBy(() -> find(order.getString("id"), order.getLong("items[0].id"), limit))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).isEqualTo("limit: out_of_range");
                    });
        }
    }

    @Test
    void overRestTheSubstitutesAreListedAndAnUnknownItemIsAProblem() {
        String p = "SUB" + TestOrders.unique() + "-";
        TestInventory.publish(orders, product(p + "ALT", 3, "apparel", 44000, "M", "蓝色"));
        JsonPath order = TestOrders.post(TestOrders.taobaoTee(p + "ITEM", "M", "红色", 1, 45000));
        String id = order.getString("id");

        given().get("/api/orders/" + id + "/items/" + order.getLong("items[0].id") + "/substitutes?limit=5")
                .then().statusCode(200)
                .body("sku", equalTo(List.of(p + "ALT")))
                .body("[0].unitPriceMinor", equalTo(44000))
                .body("[0].currency", equalTo("CNY"));
        given().get("/api/orders/" + id + "/items/1/substitutes")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://ordercare.io/problems/item-not-found"));
    }
}
