package io.ordercare.logistics.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.logistics.shipment.Direction;
import io.ordercare.logistics.shipment.Parcel;
import io.ordercare.logistics.shipment.ShipmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ShipmentWatchTest {

    static final DetectionThresholds THRESHOLDS = new DetectionThresholds(Duration.ofHours(8), Duration.ofHours(36), 3,
            Duration.ofHours(4), Duration.ofHours(96), 3, Duration.ofDays(5), Duration.ofHours(72), 5,
            Duration.ofHours(6), ZoneId.of("Asia/Shanghai"));
    static final Instant SHIPPED = Instant.parse("2026-11-20T00:00:00Z");

    private final ShipmentWatch watch = new ShipmentWatch(THRESHOLDS);
    private final RouteProfile noHistory = THRESHOLDS.profile(RouteStats.NONE);

    static Parcel parcel(Instant lastScan) {
        Parcel p = new Parcel();
        p.id = 1;
        p.carrier = "SF";
        p.trackingNumber = "SF000000000001";
        p.direction = Direction.OUTBOUND;
        p.orderId = "OC1";
        p.shippedAt = SHIPPED;
        p.lastScanAt = lastScan;
        p.status = ShipmentStatus.IN_TRANSIT;
        return p;
    }

    @Test
    void aSilentParcelIsStuckOnceItsRoutesThresholdHasPassed() {
        Parcel p = parcel(SHIPPED.plus(Duration.ofHours(5)));
        Instant crossing = p.lastScanAt.plus(Duration.ofHours(36));

        assertThat(watch.evaluate(p, noHistory, crossing.minusSeconds(1)).findings()).isEmpty();
        assertThat(watch.evaluate(p, noHistory, crossing.minusSeconds(1)).nextCheckAt()).isEqualTo(crossing);
        assertThat(watch.evaluate(p, noHistory, crossing).findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.STUCK);
            assertThat(f.dueAt()).isEqualTo(crossing);
            assertThat(f.silentFor()).isEqualTo(Duration.ofHours(36));
        });
    }

    @Test
    void theSameSilenceIsNotStuckTwiceButTheNextOneIs() {
        Parcel p = parcel(SHIPPED.plus(Duration.ofHours(5)));
        p.stuckAlertedFor = p.lastScanAt;
        Instant later = p.lastScanAt.plus(Duration.ofHours(40));
        assertThat(watch.evaluate(p, noHistory, later).findings()).isEmpty();
        // then the next check is the lost-parcel threshold, not the stuck one again
        assertThat(watch.evaluate(p, noHistory, later).nextCheckAt()).isEqualTo(p.lastScanAt.plus(Duration.ofHours(108)
                .compareTo(Duration.ofDays(5)) > 0 ? Duration.ofHours(108) : Duration.ofDays(5)));

        p.lastScanAt = p.lastScanAt.plus(Duration.ofHours(39));
        assertThat(watch.evaluate(p, noHistory, p.lastScanAt.plus(Duration.ofHours(37))).findings())
                .extracting(Finding::type).containsExactly(AlertType.STUCK);
    }

    @Test
    void aRoutesLearnedGapsReplaceTheDefaultThreshold() {
        RunningStats gaps = RunningStats.EMPTY;
        for (int h : new int[] { 4, 5, 6, 5, 4, 6, 5, 5 }) {
            gaps = gaps.add(h * 3600.0);
        }
        RouteProfile learned = THRESHOLDS.profile(new RouteStats(gaps, RunningStats.EMPTY));
        assertThat(learned.gapSamples()).isEqualTo(8);
        assertThat(learned.stuckAfter()).isBetween(Duration.ofHours(7), Duration.ofHours(8));

        Parcel p = parcel(SHIPPED.plus(Duration.ofHours(5)));
        assertThat(watch.evaluate(p, learned, p.lastScanAt.plus(Duration.ofHours(9))).findings())
                .extracting(Finding::type).containsExactly(AlertType.STUCK);
    }

    @Test
    void tooFewObservationsKeepTheDefaults() {
        RouteStats few = new RouteStats(RunningStats.EMPTY.add(3600).add(3600), RunningStats.EMPTY.add(3600));
        RouteProfile profile = THRESHOLDS.profile(few);
        assertThat(profile.stuckAfter()).isEqualTo(Duration.ofHours(36));
        assertThat(profile.expectedTransit()).isEqualTo(Duration.ofHours(72));
        assertThat(profile.transitLearned()).isFalse();
    }

    @Test
    void aRouteWhoseDeliveriesTakeLongerThanThePromiseIsADelayRiskAtOnce() {
        RunningStats transits = RunningStats.EMPTY;
        for (int d = 0; d < 6; d++) {
            transits = transits.add(Duration.ofDays(5).toSeconds());
        }
        RouteProfile slow = THRESHOLDS.profile(new RouteStats(RunningStats.EMPTY, transits));
        Parcel p = parcel(null);
        p.status = ShipmentStatus.AWAITING_PICKUP;
        p.promisedDate = LocalDate.parse("2026-11-22");
        Instant now = SHIPPED.plus(Duration.ofHours(1));

        ShipmentWatch.Evaluation e = watch.evaluate(p, slow, now);
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.DELAY_RISK);
            assertThat(f.episode()).isEqualTo("2026-11-22");
        });
        assertThat(e.predictedArrival()).isEqualTo(SHIPPED.plus(Duration.ofDays(5)));
        p.delayAlertedFor = p.promisedDate;
        assertThat(watch.evaluate(p, slow, now).findings()).isEmpty();
    }

    @Test
    void anOnTimeParcelIsCheckedAgainWhenTimeAloneWouldMakeItLate() {
        Parcel p = parcel(SHIPPED.plus(Duration.ofHours(2)));
        p.promisedDate = LocalDate.parse("2026-11-25"); // ends 2026-11-25T16:00Z
        ShipmentWatch.Evaluation e = watch.evaluate(p, noHistory, SHIPPED.plus(Duration.ofHours(3)));
        assertThat(e.findings()).isEmpty();
        Instant crossing = Instant.parse("2026-11-25T16:00:00Z").minus(Duration.ofHours(8));
        assertThat(e.nextCheckAt()).isBefore(crossing.plusSeconds(2));

        assertThat(watch.evaluate(p, noHistory, crossing.plusSeconds(1)).findings())
                .extracting(Finding::type).contains(AlertType.DELAY_RISK);
    }

    @Test
    void aParcelSilentForDaysIsSuspectedLost() {
        Parcel p = parcel(SHIPPED.plus(Duration.ofHours(5)));
        p.stuckAlertedFor = p.lastScanAt;
        assertThat(watch.evaluate(p, noHistory, p.lastScanAt.plus(Duration.ofDays(6))).findings())
                .extracting(Finding::type).containsExactly(AlertType.LOST_SUSPECTED);
    }

    @Test
    void aDeliveredParcelNeedsNoMoreChecks() {
        Parcel p = parcel(SHIPPED.plus(Duration.ofHours(30)));
        p.status = ShipmentStatus.DELIVERED;
        p.deliveredAt = p.lastScanAt;
        ShipmentWatch.Evaluation e = watch.evaluate(p, noHistory, p.lastScanAt.plus(Duration.ofDays(30)));
        assertThat(e.findings()).isEmpty();
        assertThat(e.nextCheckAt()).isNull();
    }
}
