package io.ordercare.returns.platform;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code ordercare.returns.*}; the defaults are in application.properties. */
@ConfigMapping(prefix = "ordercare.returns")
public interface ReturnsConfig {

    /** Topic of the service's CloudEvents. */
    String eventsTopic();

    /** An outbox event still unpublished after this long is sent again. */
    Duration republishAfter();

    /** A published outbox event is deleted once published this long ago (kept meanwhile for debugging). */
    Duration outboxKeep();

    /** Deadline of one call to order-gateway. */
    Duration orderCallDeadline();

    Refund refund();

    Provider provider();

    Logistics logistics();

    Pickup pickup();

    interface Refund {
        /** A refund above this amount (minor units, any currency) waits for a person instead of being paid. */
        long manualReviewAboveMinor();

        /** Provider attempts before a refund goes to manual review. */
        int maxAttempts();

        /** Wait before the first retry; doubled per attempt. */
        Duration retryBackoff();

        /** How long one payer owns a refund it is paying (another replica's sweep leaves it alone meanwhile). */
        Duration lease();

        /** How often due refunds are looked for. */
        Duration sweepInterval();
    }

    interface Provider {
        Embedded embedded();

        interface Embedded {
            /** Failure injection: this many first attempts of every payout fail (0 in production). */
            int failFirstAttempts();

            /** A payout is confirmed this long after it was accepted. */
            Duration confirmAfter();

            /** How often accepted payouts are looked at for confirmation. */
            Duration confirmInterval();
        }
    }

    interface Logistics {
        /** Register return parcels with logistics-watcher (off where it does not run, e.g. in tests). */
        boolean enabled();

        /** City of the returns warehouse, the destination of return parcels. */
        String warehouseCity();
    }

    interface Pickup {
        /** Longest pickup slot. */
        Duration maxSlot();

        /** How far ahead a pickup can be booked. */
        Duration bookAhead();
    }
}
