package io.ordercare.gateway.cdc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The change-data-capture stream of the order tables ({@code ordercare.cdc.*}). */
@ConfigMapping(prefix = "ordercare.cdc")
public interface CdcConfig {

    /** Off only for tools that must not hold the replication slot. */
    @WithDefault("true")
    boolean enabled();

    /** Where the domain events go. */
    @WithDefault("order.changes")
    String topic();

    /** Where changes that cannot be turned into events go, with the reason in a header. */
    @WithDefault("order.changes.dlq")
    String dlqTopic();

    /** The replication slot; one engine per slot. */
    @WithDefault("order_gateway_cdc")
    String slotName();

    @WithDefault("order_gateway_cdc")
    String publicationName();

    /** Kafka topic holding the engine's source positions, so a restart (even kill -9) resumes. */
    @WithDefault("order-gateway.cdc.offsets")
    String offsetsTopic();

    /** How often the engine polls the replication stream; 500 ms (Debezium's default) costs half a second of latency. */
    @WithDefault("50ms")
    Duration pollInterval();

    /** How often positions are committed; a crash re-emits at most this much (at-least-once). */
    @WithDefault("500ms")
    Duration offsetFlushInterval();
}
