package io.ordercare.routing.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Routing settings ({@code ordercare.routing.*}); defaults in application.properties. */
@ConfigMapping(prefix = "ordercare.routing")
public interface RoutingConfig {

    /** How long an agent has to accept an offer before it is re-offered to someone else. */
    @WithDefault("30s")
    Duration offerTimeout();

    /** Priority points a waiting handoff gains per minute (priority aging). */
    @WithDefault("2")
    double agingPointsPerMinute();

    /** How often offer time-outs and SLA breaches are looked for (the Sweeper's schedule). */
    @WithDefault("1s")
    Duration sweepInterval();

    /** At most this many timed-out offers and SLA breaches handled per sweep (the rest in the next one). */
    @WithDefault("500")
    int sweepBatch();

    /** The source attribute of the CloudEvents this service writes. */
    @WithDefault("/routing-service")
    String eventSource();
}
