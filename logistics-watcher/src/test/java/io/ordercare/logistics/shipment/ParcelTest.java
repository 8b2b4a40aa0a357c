package io.ordercare.logistics.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.logistics.detection.AlertType;
import io.ordercare.logistics.detection.Finding;
import io.ordercare.logistics.tracking.CarrierScan;
import io.ordercare.logistics.tracking.ScanCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParcelTest {

    static final Instant SHIPPED = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    static Parcel parcel() {
        Parcel p = new Parcel();
        p.carrier = "SF";
        p.trackingNumber = "SF000000000001";
        p.direction = Direction.OUTBOUND;
        p.orderId = "OC1";
        p.shippedAt = SHIPPED;
        return p;
    }

    static CarrierScan scan(int hours, ScanCode code, String hub) {
        return new CarrierScan("SF", "SF000000000001", SHIPPED.plus(Duration.ofHours(hours)), code, "x", hub, "深圳市", null);
    }

    @Test
    void scansMoveTheParcelInTimeOrderAndTeachTheGapsBetweenThem() {
        Parcel p = parcel();
        Parcel.ScanOutcome o = p.apply(List.of(scan(10, ScanCode.ARRIVED, "B"), scan(2, ScanCode.PICKED_UP, "A"),
                scan(16, ScanCode.IN_TRANSIT, "C")), NOW);
        assertThat(p.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(p.lastHub).isEqualTo("C");
        assertThat(p.lastScanAt).isEqualTo(SHIPPED.plus(Duration.ofHours(16)));
        assertThat(p.scanCount).isEqualTo(3);
        assertThat(o.gaps()).containsExactly(Duration.ofHours(8), Duration.ofHours(6));
    }

    @Test
    void aLateArrivingOlderScanJoinsTheHistoryWithoutMovingTheParcelBack() {
        Parcel p = parcel();
        p.apply(List.of(scan(20, ScanCode.OUT_FOR_DELIVERY, "Station")), NOW);
        Parcel.ScanOutcome o = p.apply(List.of(scan(12, ScanCode.ARRIVED, "Hub")), NOW);
        assertThat(p.status).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
        assertThat(p.lastHub).isEqualTo("Station");
        assertThat(p.scanCount).isEqualTo(2);
        assertThat(o.gaps()).isEmpty();
    }

    @Test
    void aDeliveryIsFinalWhicheverOrderTheScansArriveIn() {
        Parcel p = parcel();
        Parcel.ScanOutcome o = p.apply(List.of(scan(30, ScanCode.DELIVERED, "Station")), NOW);
        p.apply(List.of(scan(31, ScanCode.IN_TRANSIT, "Somewhere")), NOW);
        assertThat(p.status).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(p.deliveredAt).isEqualTo(SHIPPED.plus(Duration.ofHours(30)));
        assertThat(o.transit()).isEqualTo(Duration.ofHours(30));
        assertThat(p.orderSyncStatus).isEqualTo("DELIVERED");
    }

    @Test
    void aFailedAttemptIsCountedAlertedAndPutsTheOrderOnHoldUntilDelivered() {
        Parcel p = parcel();
        Parcel.ScanOutcome o = p.apply(List.of(scan(20, ScanCode.OUT_FOR_DELIVERY, "S"),
                scan(23, ScanCode.DELIVERY_FAILED, "S")), NOW);
        assertThat(p.deliveryAttempts).isEqualTo(1);
        assertThat(o.findings()).extracting(Finding::type, Finding::episode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.DELIVERY_FAILED, "attempt-1"));
        assertThat(p.orderSyncStatus).isEqualTo("ON_HOLD");

        p.apply(List.of(scan(44, ScanCode.DELIVERED, "S")), NOW);
        assertThat(p.orderSyncStatus).isEqualTo("DELIVERED");
    }

    @Test
    void aReturnParcelNeverChangesTheOrder() {
        Parcel p = parcel();
        p.direction = Direction.RETURN;
        p.apply(List.of(scan(30, ScanCode.DELIVERED, "Warehouse")), NOW);
        assertThat(p.status).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(p.orderSyncStatus).isNull();
    }
}
