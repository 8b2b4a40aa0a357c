package io.ordercare.logistics.order;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordercare.proto.order.v1.Actor;
import io.ordercare.proto.order.v1.ChangeStatusRequest;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.MutinyOrderServiceGrpc;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderStatus;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells order-gateway what the parcels say (delivered → DELIVERED, failed delivery or returned to sender →
 * ON_HOLD with the reason) through its gRPC {@code OrderService}, with the version check: the order is read,
 * then changed at the version read; a concurrent writer (ABORTED) means read again and retry. Pending pushes
 * live on the shipment row ({@code order_sync_*}), so an unreachable gateway only delays them: they are retried
 * with backoff by the sweep. A push the order's lifecycle refuses (e.g. the order was never marked shipped) is
 * dropped with a warning; there is nothing a retry could change.
 */
@ApplicationScoped
public class OrderStatusSync {

    private static final Logger LOG = Logger.getLogger(OrderStatusSync.class);
    static final String ACTOR = "logistics-watcher";
    private static final int ABORTED_RETRIES = 3;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

    @GrpcClient("orders")
    MutinyOrderServiceGrpc.MutinyOrderServiceStub orders;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** One order status to push, from one shipment. */
    public record Push(long shipmentId, String orderId, String target, String reason, int attempts) {
    }

    public Uni<Void> push(List<Push> pushes) {
        if (pushes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(pushes.stream().map(this::push).toList()).andCollectFailures().replaceWithVoid()
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("order status pushes failed: %s", t.getMessage());
                    return null;
                });
    }

    private Uni<Void> push(Push p) {
        return apply(p, 0)
                .chain(outcome -> switch (outcome) {
                    case DONE -> clear(p);
                    case REFUSED -> {
                        registry.counter("ordercare.logistics.order-sync.refused").increment();
                        yield clear(p);
                    }
                })
                .onFailure().recoverWithUni(t -> {
                    registry.counter("ordercare.logistics.order-sync.retried").increment();
                    Duration backoff = backoff(p.attempts());
                    LOG.warnf("order %s: %s not pushed to %s yet (attempt %d, next in %ds): %s", p.orderId(), p.target(),
                            orders.getChannel().authority(), p.attempts() + 1, backoff.toSeconds(), t.getMessage());
                    return reschedule(p, backoff);
                });
    }

    private enum Outcome {
        DONE,
        REFUSED
    }

    private Uni<Outcome> apply(Push p, int aborted) {
        OrderStatus target = OrderStatus.valueOf(p.target());
        // a deadline per call (a deadline configured on the client would be one instant for the stub's whole life)
        var stub = orders.withDeadlineAfter(CALL_DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return stub.getOrder(GetOrderRequest.newBuilder().setOrderId(p.orderId()).build())
                .chain(order -> {
                    if (alreadyThere(order, target)) {
                        return Uni.createFrom().item(Outcome.DONE);
                    }
                    return stub.changeStatus(ChangeStatusRequest.newBuilder().setOrderId(p.orderId())
                            .setExpectedVersion(order.getVersion()).setStatus(target)
                            .setActor(Actor.newBuilder().setActor(ACTOR).setReason(p.reason())).build())
                            .invoke(changed -> LOG.infof("order %s: %s -> %s (%s)", p.orderId(), order.getStatus(),
                                    changed.getStatus(), p.reason()))
                            .replaceWith(Outcome.DONE);
                })
                .onFailure(t -> code(t) == Status.Code.ABORTED && aborted < ABORTED_RETRIES)
                .recoverWithUni(t -> apply(p, aborted + 1))
                .onFailure(t -> code(t) == Status.Code.FAILED_PRECONDITION || code(t) == Status.Code.NOT_FOUND
                        || code(t) == Status.Code.INVALID_ARGUMENT)
                .recoverWithItem(t -> {
                    LOG.warnf("order %s: order-gateway refused %s: %s", p.orderId(), p.target(), t.getMessage());
                    return Outcome.REFUSED;
                });
    }

    /** Nothing to do when the order is there already, or past the point where the change would matter. */
    private static boolean alreadyThere(Order order, OrderStatus target) {
        Set<OrderStatus> past = target == OrderStatus.DELIVERED
                ? Set.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED)
                : Set.of(OrderStatus.ON_HOLD, OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.CANCELLED);
        return past.contains(order.getStatus());
    }

    private static Status.Code code(Throwable t) {
        return t instanceof StatusRuntimeException e ? e.getStatus().getCode() : Status.Code.UNKNOWN;
    }

    private Uni<Void> clear(Push p) {
        return pool.preparedQuery("""
                update shipment set order_sync_status = null, order_sync_reason = null, order_sync_attempts = 0,
                       order_sync_due_at = null,
                       next_check_at = case when status in ('DELIVERED', 'RETURNED_TO_SENDER') then null else next_check_at end
                 where id = $1 and order_sync_status = $2""")
                .execute(Tuple.of(p.shipmentId(), p.target())).replaceWithVoid();
    }

    private Uni<Void> reschedule(Push p, Duration backoff) {
        OffsetDateTime due = OffsetDateTime.ofInstant(clock.instant().plus(backoff), ZoneOffset.UTC);
        return pool.preparedQuery("""
                update shipment set order_sync_attempts = order_sync_attempts + 1, order_sync_due_at = $3,
                       next_check_at = least(coalesce(next_check_at, $3), $3)
                 where id = $1 and order_sync_status = $2""")
                .execute(Tuple.of(p.shipmentId(), p.target(), due)).replaceWithVoid();
    }

    static Duration backoff(int attempts) {
        Duration d = Duration.ofSeconds(5).multipliedBy(1L << Math.min(attempts, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
