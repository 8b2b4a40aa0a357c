package io.ordercare.returns.platform;

import io.ordercare.stack.RealStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against the real Kafka broker and PostgreSQL of the shared test stack, and
 * against a real order-gateway (its built jar, as its own process on the same stack) for the orders, items and
 * payments the returns and refunds are about.
 */
@QuarkusTestResource(value = RealStackTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "database", value = "returns"),
        @ResourceArg(name = "topics", value = "returns.events,logistics.return-scans,logistics.return-scans.dlq,"
                + "order.changes,order.changes.dlq,orders.inbound,orders.inbound.dlq,inventory.levels,"
                + "inventory.levels.dlq"),
        @ResourceArg(name = "services", value = "order-gateway:orders") })
public final class RealStack {

    private RealStack() {
    }
}
