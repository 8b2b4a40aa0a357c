package io.ordercare.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.Actor;
import io.ordercare.proto.order.v1.Address;
import io.ordercare.proto.order.v1.ChangeAddressRequest;
import io.ordercare.proto.order.v1.ChangeStatusRequest;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.proto.order.v1.SearchOrdersRequest;
import io.ordercare.proto.order.v1.ShipOrderRequest;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The gRPC contract internal callers use, on the same port as REST. */
@QuarkusTest
class OrderGrpcServiceTest {

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    private static final Address SHANGHAI = Address.newBuilder().setFormat("ZH").setRecipientName("王五")
            .setCountry("CN").setProvince("上海市").setCity("上海市").setDistrict("浦东新区").setStreet("世纪大道100号").build();

    @Test
    void getOrderReturnsTheCanonicalOrder() {
        JsonPath posted = TestOrders.post(TestOrders.taobao());

        Order order = orders.getOrder(GetOrderRequest.newBuilder().setOrderId(posted.getString("id")).build());

        assertThat(order.getPlatform()).isEqualTo("TAOBAO");
        assertThat(order.getShippingAddress().getCity()).isEqualTo("杭州市");
        assertThat(order.getItemsList()).isNotEmpty();
        assertThat(order.getTotal().getMinor()).isEqualTo(posted.getLong("totalMinor"));
        assertThat(order.getTotal().getCurrency()).isEqualTo("CNY");
        assertThat(order.getVersion()).isEqualTo(posted.getLong("version"));
    }

    @Test
    void searchFindsTheOrdersOfAPhone() {
        JsonPath posted = TestOrders.post(TestOrders.taobao());

        var found = orders.searchOrders(SearchOrdersRequest.newBuilder()
                .setPhone(posted.getString("customer.phone")).build());

        assertThat(found.getOrdersList()).extracting(Order::getId).containsExactly(posted.getString("id"));
    }

    @Test
    void addressChangeWithTheCurrentVersionIsApplied() {
        JsonPath posted = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));

        Order changed = orders.changeAddress(ChangeAddressRequest.newBuilder().setOrderId(posted.getString("id"))
                .setExpectedVersion(posted.getLong("version")).setAddress(SHANGHAI)
                .setActor(Actor.newBuilder().setActor("dialog-service").setReason("customer asked")).build());

        assertThat(changed.getShippingAddress().getCity()).isEqualTo("上海市");
        assertThat(changed.getVersion()).isGreaterThan(posted.getLong("version"));
    }

    @Test
    void staleVersionIsAborted() {
        JsonPath posted = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));

        assertThatThrownBy(() -> orders.changeAddress(ChangeAddressRequest.newBuilder()
                .setOrderId(posted.getString("id")).setExpectedVersion(posted.getLong("version") + 5)
                .setAddress(SHANGHAI).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
    }

    @Test
    void unknownOrderIsNotFound() {
        assertThatThrownBy(() -> orders.getOrder(GetOrderRequest.newBuilder().setOrderId("OC0").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void illegalLifecycleMoveIsAFailedPrecondition() {
        JsonPath posted = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));

        assertThatThrownBy(() -> orders.changeStatus(ChangeStatusRequest.newBuilder()
                .setOrderId(posted.getString("id")).setExpectedVersion(posted.getLong("version"))
                .setStatus(io.ordercare.proto.order.v1.OrderStatus.DELIVERED).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void addressWithoutStreetIsAnInvalidArgument() {
        JsonPath posted = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));

        assertThatThrownBy(() -> orders.changeAddress(ChangeAddressRequest.newBuilder()
                .setOrderId(posted.getString("id")).setExpectedVersion(posted.getLong("version"))
                .setAddress(SHANGHAI.toBuilder().clearStreet()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("address.street");
                });
    }

    private static ShipOrderRequest.Builder ship(JsonPath order) {
        return ShipOrderRequest.newBuilder().setOrderId(order.getString("id"))
                .setExpectedVersion(order.getLong("version")).setCarrier("YTO").setTrackingNumber("YT9876543210")
                .setOrigin("广州市")
                .setPromisedDeliveryDate(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString())
                .setActor(Actor.newBuilder().setActor("wms").setReason("parcel collected"));
    }

    @Test
    void shipOrderReturnsTheShippedOrderWithItsShipment() {
        JsonPath packing = TestOrders.packing();
        ShipOrderRequest request = ship(packing).build();

        Order shipped = orders.shipOrder(request);

        assertThat(shipped.getStatus()).isEqualTo(io.ordercare.proto.order.v1.OrderStatus.SHIPPED);
        assertThat(shipped.getVersion()).isGreaterThan(packing.getLong("version"));
        assertThat(shipped.hasShipment()).isTrue();
        assertThat(shipped.getShipment().getCarrier()).isEqualTo("YTO");
        assertThat(shipped.getShipment().getTrackingNumber()).isEqualTo("YT9876543210");
        assertThat(shipped.getShipment().getOrigin()).isEqualTo("广州市");
        assertThat(shipped.getShipment().getPromisedDeliveryDate()).isEqualTo(request.getPromisedDeliveryDate());
        assertThat(shipped.getShipment().getShippedAt()).isNotEmpty();
        assertThat(orders.getOrder(GetOrderRequest.newBuilder().setOrderId(packing.getString("id")).build())
                .getShipment().getTrackingNumber()).isEqualTo("YT9876543210");
    }

    @Test
    void anOrderNotShippedHasNoShipmentMessage() {
        JsonPath packing = TestOrders.packing();

        assertThat(orders.getOrder(GetOrderRequest.newBuilder().setOrderId(packing.getString("id")).build())
                .hasShipment()).isFalse();
    }

    @Test
    void shippingBeforePackingIsAFailedPrecondition() {
        JsonPath placed = TestOrders.post(TestOrders.jd("jd-order-cod.json", o -> {
        }));

        assertThatThrownBy(() -> orders.shipOrder(ship(placed).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void shippingWithAStaleVersionIsAborted() {
        JsonPath packing = TestOrders.packing();

        assertThatThrownBy(() -> orders.shipOrder(ship(packing).setExpectedVersion(packing.getLong("version") - 1)
                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
    }

    @Test
    void anInvalidShipmentIsAnInvalidArgumentNamingEveryField() {
        JsonPath packing = TestOrders.packing();

        assertThatThrownBy(() -> orders.shipOrder(ship(packing).clearCarrier().setTrackingNumber("x")
                .setPromisedDeliveryDate("2020-01-01").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("carrier: required",
                            "trackingNumber: invalid_tracking_number", "promisedDeliveryDate: date_in_past");
                });
    }
}
