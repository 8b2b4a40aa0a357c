package io.ordercare.logistics.platform;

import io.ordercare.logistics.detection.DetectionThresholds;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.time.ZoneId;

/** {@code ordercare.logistics.*}; the defaults are in application.properties. */
@ConfigMapping(prefix = "ordercare.logistics")
public interface LogisticsConfig {

    Detection detection();

    Sweep sweep();

    /** Topic the scans of return parcels are published on, for returns-service. */
    String returnScansTopic();

    /** Topic of the alerts. */
    String alertsTopic();

    /** How often the route statistics are re-read from the database (other replicas learn too). */
    Duration routeStatsRefresh();

    /** An outbox event still unpublished after this long is sent again. */
    Duration republishAfter();

    /** A published outbox event is deleted once published this long ago (kept meanwhile for debugging). */
    Duration outboxKeep();

    interface Detection {
        /** Usual gap between two scans of a route without history. */
        Duration defaultGap();

        /** Silence after which a parcel of a route without history counts as stuck. */
        Duration defaultStuckAfter();

        /** A learned stuck threshold is the mean gap plus this many standard deviations ... */
        double gapSigmas();

        /** ... but never below this ... */
        Duration minStuckAfter();

        /** ... nor above this. */
        Duration maxStuckAfter();

        /** Lost suspicion after this many stuck thresholds of silence ... */
        double lostAfterStuckFactor();

        /** ... and never before this. */
        Duration minLostAfter();

        /** Shipping-to-delivery time of a route without history. */
        Duration defaultTransit();

        /** Observations a route needs before its own numbers replace the defaults. */
        long minSamples();

        /** Time still expected once a parcel is out for delivery. */
        Duration outForDeliveryRemaining();

        /** A promised date ends at midnight in this zone. */
        ZoneId promiseZone();

        default DetectionThresholds thresholds() {
            return new DetectionThresholds(defaultGap(), defaultStuckAfter(), gapSigmas(), minStuckAfter(),
                    maxStuckAfter(), lostAfterStuckFactor(), minLostAfter(), defaultTransit(), minSamples(),
                    outForDeliveryRemaining(), promiseZone());
        }
    }

    interface Sweep {
        /** Off only where something else drives the sweep. */
        boolean enabled();

        /** How often the due parcels are looked at: bounds the delay between a threshold crossing and its alert. */
        Duration interval();

        /** Parcels per transaction. */
        int batchSize();
    }
}
