package io.ordercare.logistics.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.logistics.platform.Parcels;
import io.ordercare.logistics.platform.TestClock;
import io.ordercare.proto.shipment.v1.Direction;
import io.ordercare.proto.shipment.v1.MutinyShipmentServiceGrpc;
import io.ordercare.proto.shipment.v1.RegisterReturnParcelRequest;
import io.ordercare.proto.shipment.v1.TrackShipmentRequest;
import io.ordercare.proto.shipment.v1.TrackShipmentResponse;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipmentGrpcServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("shipments")
    MutinyShipmentServiceGrpc.MutinyShipmentServiceStub shipments;

    @Inject
    TestClock clock;

    TrackShipmentResponse track(TrackShipmentRequest r) {
        return shipments.trackShipment(r).await().atMost(WAIT);
    }

    @Test
    void anOrdersParcelIsTrackedByOrderIdAndByTrackingNumberWithItsScansAndPrediction() {
        String orderId = "OG" + Parcels.unique();
        SimulatedParcel p = Parcels.parcel("UPS", "Louisville", "Chicago", clock.instant().minus(Duration.ofHours(20)));
        Parcels.ship(orderId, p, LocalDate.now().plusDays(6));
        Parcels.scanAll(p, Parcels.script(p, Scenario.DELIVERED).subList(0, 3));
        await().atMost(WAIT).until(() -> {
            try {
                return track(TrackShipmentRequest.newBuilder().setOrderId(orderId).build()).getShipments(0).getScansCount() == 3;
            } catch (StatusRuntimeException e) {
                return false;
            }
        });

        var byOrder = track(TrackShipmentRequest.newBuilder().setOrderId(orderId).build()).getShipments(0);
        assertThat(byOrder.getTrackingNumber()).isEqualTo(p.trackingNumber());
        assertThat(byOrder.getDirection()).isEqualTo(Direction.OUTBOUND);
        assertThat(byOrder.getStatus()).isEqualTo("IN_TRANSIT");
        assertThat(byOrder.getScans(0).getCode()).isEqualTo("PICKED_UP");
        assertThat(byOrder.getPrediction().getPredictedArrival()).isNotEmpty();
        assertThat(byOrder.getPrediction().getOnTime()).isTrue();

        var byNumber = track(TrackShipmentRequest.newBuilder().setTrackingNumber(p.trackingNumber().toLowerCase())
                .setCarrier("ups").build()).getShipments(0);
        assertThat(byNumber.getOrderId()).isEqualTo(orderId);
        assertThat(byNumber.getScansCount()).isEqualTo(3);
    }

    @Test
    void anUnknownParcelIsNotFoundAndAnEmptyRequestIsInvalid() {
        assertThatThrownBy(() -> track(TrackShipmentRequest.newBuilder().setTrackingNumber("SF999999999999").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> track(TrackShipmentRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("order_id or tracking_number");
                });
    }

    @Test
    void aReturnParcelIsWatchedAndItsScansArePublishedForReturnsService() {
        String orderId = "OR" + Parcels.unique();
        String returnId = "RMA" + Parcels.unique();
        String number = Parcels.trackingNumber("SF");
        var registered = shipments.registerReturnParcel(RegisterReturnParcelRequest.newBuilder().setReturnId(returnId)
                .setOrderId(orderId).setCarrier("sf").setTrackingNumber(number).setOrigin("杭州市")
                .setDestination("深圳市").build()).await().atMost(WAIT);
        assertThat(registered.getDirection()).isEqualTo(Direction.RETURN);
        assertThat(registered.getReturnId()).isEqualTo(returnId);
        // registering again is harmless
        var again = shipments.registerReturnParcel(RegisterReturnParcelRequest.newBuilder().setReturnId(returnId)
                .setOrderId(orderId).setCarrier("SF").setTrackingNumber(number).build()).await().atMost(WAIT);
        assertThat(again.getId()).isEqualTo(registered.getId());

        SimulatedParcel p = new SimulatedParcel("SF", number, "杭州市", "深圳市", clock.instant().minus(Duration.ofHours(8)));
        Parcels.scanAll(p, Parcels.script(p, Scenario.DELIVERED).subList(0, 2));
        var published = KafkaTopics.await("logistics.return-scans", r -> orderId.equals(r.key()), 2, WAIT);
        assertThat(published).allSatisfy(r -> {
            assertThat(r.value()).contains("\"type\":\"return-parcel.scanned\"", returnId, number);
        });
        assertThat(published.get(0).value()).contains("PICKED_UP");
    }

    @Test
    void anInvalidReturnParcelIsRejectedNamingEveryField() {
        assertThatThrownBy(() -> shipments.registerReturnParcel(RegisterReturnParcelRequest.newBuilder()
                .setCarrier("S F").setTrackingNumber("12").build()).await().atMost(WAIT))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("returnId: required", "orderId: required",
                            "carrier: invalid_carrier", "trackingNumber: invalid_tracking_number");
                });
    }
}
