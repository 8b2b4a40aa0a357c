package io.ordercare.returns.order;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.GetStockRequest;
import io.ordercare.proto.order.v1.MutinyOrderServiceGrpc;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.returns.platform.ReturnsConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Reads orders (and the inventory snapshot) from order-gateway's gRPC {@code OrderService} with a deadline per call. NOT_FOUND becomes
 * {@link OrderNotFoundException}; anything else that is not an answer (unreachable, deadline, internal) becomes
 * {@link OrderUnavailableException}: the dependency is degraded and money decisions go to manual review.
 */
@ApplicationScoped
public class OrderClient {

    @GrpcClient("orders")
    MutinyOrderServiceGrpc.MutinyOrderServiceStub orders;

    @Inject
    ReturnsConfig config;

    @Inject
    Pool pool;

    /**
     * The order, with its delivery time as recorded from {@code order.changes} when known (else the time of its
     * last change while delivered).
     */
    public Uni<OrderFacts> get(String orderId) {
        return read(orderId).chain(o -> o.deliveredAt() == null ? Uni.createFrom().item(o)
                : pool.preparedQuery("select delivered_at from order_delivery where order_id = $1")
                        .execute(Tuple.of(orderId))
                        .map(rows -> rows.size() == 0 ? o : new OrderFacts(o.id(), o.platform(), o.status(),
                                o.placedAt(), rows.iterator().next().getOffsetDateTime(0).toInstant(), o.currency(),
                                o.totalMinor(), o.items(), o.payments())));
    }

    /** One SKU's level in order-gateway's inventory snapshot; {@code known} false (nothing available) if never reported. */
    public record Stock(String sku, boolean known, int available, Instant updatedAt) {
    }

    /**
     * The stock of one SKU from order-gateway's {@code GetStock}. Anything that is not an answer (unreachable,
     * deadline, an order-gateway without the rpc) becomes {@link OrderUnavailableException}.
     */
    public Uni<Stock> stock(String sku) {
        return orders.withDeadlineAfter(config.orderCallDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .getStock(GetStockRequest.newBuilder().addSkus(sku).build())
                .map(answer -> answer.getLevelsList().stream().filter(l -> l.getSku().equals(sku)).findFirst()
                        .map(l -> new Stock(sku, l.getKnown(), l.getAvailable(), instant(l.getUpdatedAt())))
                        .orElse(new Stock(sku, false, 0, null)))
                .onFailure().transform(t -> new OrderUnavailableException("order-gateway did not answer the stock of "
                        + sku + ": " + t.getMessage(), t));
    }

    private Uni<OrderFacts> read(String orderId) {
        return orders.withDeadlineAfter(config.orderCallDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build())
                .map(OrderClient::facts)
                .onFailure().transform(t -> {
                    if (t instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                        return new OrderNotFoundException(orderId);
                    }
                    if (t instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                        return new OrderNotFoundException(orderId);
                    }
                    return new OrderUnavailableException("order-gateway did not answer for order " + orderId + ": "
                            + t.getMessage(), t);
                });
    }

    static OrderFacts facts(Order o) {
        String status = o.getStatus().name();
        boolean delivered = "DELIVERED".equals(status) || "COMPLETED".equals(status);
        return new OrderFacts(o.getId(), o.getPlatform(), status, instant(o.getPlacedAt()),
                delivered ? instant(o.getUpdatedAt()) : null, o.getTotal().getCurrency(), o.getTotal().getMinor(),
                o.getItemsList().stream().map(i -> new OrderFacts.Item(i.getId(), i.getSku(), i.getName(),
                        i.getCategory(), i.getQuantity(), i.getUnitPrice().getMinor(), i.getListPrice().getMinor()))
                        .toList(),
                o.getPaymentsList().stream().map(p -> new OrderFacts.Payment(p.getId(), p.getMethod(), p.getStatus(),
                        p.getAmount().getMinor(), p.getTransactionsList().stream().map(t -> new OrderFacts.Transaction(
                                t.getKind(), t.getStatus(), t.getAmount().getMinor(), t.getProviderRef(),
                                instant(t.getAt()))).toList())).toList());
    }

    private static Instant instant(String s) {
        return s == null || s.isBlank() ? null : Instant.parse(s);
    }
}
