package io.ordercare.dialog.platform;

import io.ordercare.stack.RealStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against the real Kafka broker and PostgreSQL of the shared test stack and the
 * real services the assistant talks to, each its built jar as its own process on the same stack: order-gateway
 * (orders), returns-service (returns, refunds; wired to that order-gateway), routing-service (handoffs) and
 * logistics-watcher (tracks; wired to that order-gateway).
 */
@QuarkusTestResource(value = RealStackTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "database", value = "dialog"),
        @ResourceArg(name = "topics", value = "orders.inbound,orders.inbound.dlq,inventory.levels,inventory.levels.dlq,"
                + "order.changes,order.changes.dlq,channel.inbound,channel.inbound.dlq,channel.outbound,"
                + "logistics.tracking,logistics.tracking.dlq,logistics.alerts,logistics.return-scans,"
                + "logistics.return-scans.dlq,returns.events,dialog.events,dialog.events.dlq,routing.events,"
                + "dialog-service.order-changes.dlq,dialog-service.logistics-alerts.dlq"),
        @ResourceArg(name = "services", value = "order-gateway:orders,"
                + "returns-service:returns:orders=order-gateway,"
                + "routing-service:routing,"
                + "logistics-watcher:logistics:orders=order-gateway") })
public final class RealStack {

    private RealStack() {
    }
}
