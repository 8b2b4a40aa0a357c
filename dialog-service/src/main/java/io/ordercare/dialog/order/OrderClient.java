package io.ordercare.dialog.order;

import io.ordercare.dialog.customer.Identity;
import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.proto.order.v1.Actor;
import io.ordercare.proto.order.v1.AdjustPriceRequest;
import io.ordercare.proto.order.v1.ConfirmOrderRequest;
import io.ordercare.proto.order.v1.FindSubstitutesRequest;
import io.ordercare.proto.order.v1.FindSubstitutesResponse;
import io.ordercare.proto.order.v1.FlagOrderRequest;
import io.ordercare.proto.order.v1.GetStockRequest;
import io.ordercare.proto.order.v1.GetStockResponse;
import io.ordercare.proto.order.v1.ReplaceItemRequest;
import io.ordercare.proto.order.v1.StockLevel;
import io.ordercare.proto.order.v1.Substitute;
import io.ordercare.proto.order.v1.Address;
import io.ordercare.proto.order.v1.CancelOrderRequest;
import io.ordercare.proto.order.v1.ChangeAddressRequest;
import io.ordercare.proto.order.v1.ChangeItemsRequest;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.ItemChange;
import io.ordercare.proto.order.v1.MutinyOrderServiceGrpc;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.SearchOrdersRequest;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * order-gateway's OrderService as the dialogs use it: the customer's orders, and the changes they ask for, each
 * with the version the customer saw and the assistant as the audited actor. Failures arrive as {@link CallFailure}.
 */
@ApplicationScoped
public class OrderClient {

    static final String SERVICE = "order-gateway";

    @GrpcClient("orders")
    MutinyOrderServiceGrpc.MutinyOrderServiceStub orders;

    @Inject
    DialogConfig config;

    private MutinyOrderServiceGrpc.MutinyOrderServiceStub stub() {
        return orders.withDeadlineAfter(config.grpcTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The call made when subscribed, with its deadline from then: a retried Uni (a consumer's back-off, a rerun
     * turn) calls again with a fresh deadline instead of failing at once on the first attempt's expired one.
     */
    private static <T> Uni<T> call(java.util.function.Supplier<Uni<T>> call) {
        return Uni.createFrom().<T>deferred(call::get).onFailure().transform(t -> CallFailure.of(SERVICE, t));
    }

    public Uni<Order> get(String orderId) {
        return call(() -> stub().getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    /** The latest orders of order-gateway's customer, newest first. */
    public Uni<List<Order>> ofCustomer(String customerId) {
        return search(SearchOrdersRequest.newBuilder().setCustomerId(customerId));
    }

    /** The latest orders of whoever has this phone, e-mail or platform account. */
    public Uni<List<Order>> ofIdentity(Identity identity) {
        SearchOrdersRequest.Builder r = SearchOrdersRequest.newBuilder();
        switch (identity.kind()) {
            case PHONE -> r.setPhone(identity.value());
            case EMAIL -> r.setEmail(identity.value());
            case PLATFORM -> r.setPlatformAccount(identity.value());
        }
        return search(r);
    }

    private Uni<List<Order>> search(SearchOrdersRequest.Builder r) {
        return call(() -> stub().searchOrders(r.setLimit(20).build()).map(res -> res.getOrdersList())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    public Uni<Order> changeAddress(Order order, Address address, String reason) {
        return call(() -> stub().changeAddress(ChangeAddressRequest.newBuilder().setOrderId(order.getId())
                .setExpectedVersion(order.getVersion()).setAddress(address).setActor(actor(reason)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    public Uni<Order> changeItems(Order order, ItemChange change, String reason) {
        return call(() -> stub().changeItems(ChangeItemsRequest.newBuilder().setOrderId(order.getId())
                .setExpectedVersion(order.getVersion()).addChanges(change).setActor(actor(reason)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    public Uni<Order> cancel(Order order, String reason) {
        return call(() -> stub().cancelOrder(CancelOrderRequest.newBuilder().setOrderId(order.getId())
                .setExpectedVersion(order.getVersion()).setActor(actor(reason)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    public Uni<Order> confirm(Order order, String reason) {
        return call(() -> stub().confirmOrder(ConfirmOrderRequest.newBuilder().setOrderId(order.getId())
                .setExpectedVersion(order.getVersion()).setActor(actor(reason)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    /** The unit price of one item set with the customer's consent (audited by order-gateway). */
    public Uni<Order> adjustPrice(Order order, long itemId, long unitPriceMinor, String reason) {
        return call(() -> stub().adjustPrice(AdjustPriceRequest.newBuilder().setOrderId(order.getId())
                .setExpectedVersion(order.getVersion()).setItemId(itemId).setUnitPriceMinor(unitPriceMinor)
                .setActor(actor(reason)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    /** A flag for the other channels and people (CUSTOMER_UNREACHABLE, AWAITING_RESTOCK, NEEDS_AGENT); idempotent. */
    public Uni<Order> flag(String orderId, String kind, String detail) {
        return call(() -> stub().flagOrder(FlagOrderRequest.newBuilder().setOrderId(orderId).setKind(kind).setDetail(detail)
                .setActor(actor(detail)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    /** In-stock items of the same category close in price and spec to one item of the order, best first. */
    public Uni<List<Substitute>> substitutes(Order order, long itemId, int limit) {
        return call(() -> stub().findSubstitutes(FindSubstitutesRequest.newBuilder().setOrderId(order.getId()).setItemId(itemId)
                .setLimit(limit).build()).map(FindSubstitutesResponse::getSubstitutesList)
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    /** One item replaced by a substitute (never dearer for the customer). */
    public Uni<Order> replaceItem(Order order, long itemId, String sku, String reason) {
        return call(() -> stub().replaceItem(ReplaceItemRequest.newBuilder().setOrderId(order.getId())
                .setExpectedVersion(order.getVersion()).setItemId(itemId).setSku(sku).setActor(actor(reason)).build())
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    /** Stock and restock date of the SKUs, in the order asked. */
    public Uni<List<StockLevel>> stock(List<String> skus) {
        return call(() -> stub().getStock(GetStockRequest.newBuilder().addAllSkus(skus).build())
                .map(GetStockResponse::getLevelsList)
                .onFailure().transform(t -> CallFailure.of(SERVICE, t)));
    }

    private Actor actor(String reason) {
        return Actor.newBuilder().setActor(config.actor()).setReason(reason).build();
    }
}
