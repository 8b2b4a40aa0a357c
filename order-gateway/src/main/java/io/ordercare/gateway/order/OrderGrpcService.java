package io.ordercare.gateway.order;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.gateway.customer.CustomerIdentity;
import io.ordercare.gateway.inventory.InventorySnapshot;
import io.ordercare.gateway.ingest.InvalidOrderException;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.GrpcStatuses;
import io.ordercare.platform.InvalidRequestException;
import io.ordercare.proto.order.v1.AdjustPriceRequest;
import io.ordercare.proto.order.v1.CancelOrderRequest;
import io.ordercare.proto.order.v1.ChangeAddressRequest;
import io.ordercare.proto.order.v1.ChangeItemsRequest;
import io.ordercare.proto.order.v1.ChangeStatusRequest;
import io.ordercare.proto.order.v1.ConfirmOrderRequest;
import io.ordercare.proto.order.v1.FindSubstitutesRequest;
import io.ordercare.proto.order.v1.FindSubstitutesResponse;
import io.ordercare.proto.order.v1.FlagOrderRequest;
import io.ordercare.proto.order.v1.GetOrderRequest;
import io.ordercare.proto.order.v1.GetStockRequest;
import io.ordercare.proto.order.v1.GetStockResponse;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.ReplaceItemRequest;
import io.ordercare.proto.order.v1.SearchOrdersRequest;
import io.ordercare.proto.order.v1.SearchOrdersResponse;
import io.ordercare.proto.order.v1.ShipOrderRequest;
import io.ordercare.proto.order.v1.StockLevel;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;

/**
 * gRPC face of the order use cases for internal callers. Failures become meaningful statuses:
 * NOT_FOUND (order, or item of FindSubstitutes), ABORTED (stale version: read again and retry),
 * FAILED_PRECONDITION (the order's state forbids it, or a substitute is not available for the quantity),
 * INVALID_ARGUMENT (with the invalid fields in the description).
 */
@GrpcService
public class OrderGrpcService implements io.ordercare.proto.order.v1.OrderService {

    private static final String CALLER = "grpc";

    @Inject
    OrderService orders;

    @Inject
    OrderReader reader;

    @Inject
    InventorySnapshot inventory;

    @Inject
    Substitutes substitutes;

    @Override
    public Uni<Order> getOrder(GetOrderRequest request) {
        return reply(reader.get(request.getOrderId()));
    }

    @Override
    public Uni<SearchOrdersResponse> searchOrders(SearchOrdersRequest r) {
        int limit = r.getLimit() <= 0 ? 20 : Math.min(r.getLimit(), 100);
        Uni<List<OrderView>> found;
        if (!r.getCustomerId().isEmpty()) {
            found = reader.byCustomer(r.getCustomerId(), limit);
        } else if (!r.getPhone().isEmpty()) {
            found = reader.byIdentity(CustomerIdentity.Kind.PHONE, r.getPhone(), limit);
        } else if (!r.getEmail().isEmpty()) {
            found = reader.byIdentity(CustomerIdentity.Kind.EMAIL, r.getEmail().toLowerCase(), limit);
        } else if (!r.getPlatformAccount().isEmpty()) {
            found = reader.byIdentity(CustomerIdentity.Kind.PLATFORM, r.getPlatformAccount(), limit);
        } else {
            found = Uni.createFrom().failure(InvalidRequestException.of("customer_id|phone|email|platform_account", "required"));
        }
        return found.map(list -> SearchOrdersResponse.newBuilder()
                .addAllOrders(list.stream().map(OrderProtoMapper::toProto).toList()).build())
                .onFailure().transform(OrderGrpcService::toStatus);
    }

    @Override
    public Uni<Order> changeAddress(ChangeAddressRequest r) {
        return reply(orders.changeAddress(r.getOrderId(), r.getExpectedVersion(),
                r.hasAddress() ? OrderProtoMapper.fromProto(r.getAddress()) : null,
                OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<Order> changeItems(ChangeItemsRequest r) {
        return reply(orders.changeItems(r.getOrderId(), r.getExpectedVersion(),
                r.getChangesList().stream().map(OrderProtoMapper::fromProto).toList(),
                OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<Order> cancelOrder(CancelOrderRequest r) {
        return reply(orders.cancel(r.getOrderId(), r.getExpectedVersion(), OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<Order> confirmOrder(ConfirmOrderRequest r) {
        return reply(orders.confirm(r.getOrderId(), r.getExpectedVersion(), OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<Order> adjustPrice(AdjustPriceRequest r) {
        return reply(orders.adjustPrice(r.getOrderId(), r.getExpectedVersion(), r.getItemId() == 0 ? null : r.getItemId(),
                r.getUnitPriceMinor(), OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<Order> changeStatus(ChangeStatusRequest r) {
        OrderStatus target = switch (r.getStatus()) {
            case ORDER_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> OrderStatus.valueOf(r.getStatus().name());
        };
        return reply(orders.changeStatus(r.getOrderId(), r.getExpectedVersion(), target,
                OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<Order> shipOrder(ShipOrderRequest r) {
        // proto3 has no null: an empty string is an absent field, which the shipment rules treat as such
        return reply(orders.ship(r.getOrderId(), r.getExpectedVersion(), r.getCarrier(), r.getTrackingNumber(),
                r.getOrigin(), r.getPromisedDeliveryDate(), OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<GetStockResponse> getStock(GetStockRequest r) {
        return inventory.levels(r.getSkusList())
                .map(levels -> GetStockResponse.newBuilder().addAllLevels(levels.stream()
                        .map(OrderGrpcService::toProto).toList()).build())
                .onFailure().transform(OrderGrpcService::toStatus);
    }

    @Override
    public Uni<Order> flagOrder(FlagOrderRequest r) {
        return reply(orders.flag(r.getOrderId(), r.getKind(), r.getDetail(), OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    @Override
    public Uni<FindSubstitutesResponse> findSubstitutes(FindSubstitutesRequest r) {
        return substitutes.find(r.getOrderId(), r.getItemId() == 0 ? null : r.getItemId(), r.getLimit())
                .map(found -> FindSubstitutesResponse.newBuilder()
                        .addAllSubstitutes(found.stream().map(OrderProtoMapper::toProto).toList()).build())
                .onFailure().transform(OrderGrpcService::toStatus);
    }

    @Override
    public Uni<Order> replaceItem(ReplaceItemRequest r) {
        return reply(orders.replaceItem(r.getOrderId(), r.getExpectedVersion(), r.getItemId() == 0 ? null : r.getItemId(),
                r.getSku(), OrderProtoMapper.fromProto(r.getActor(), CALLER)));
    }

    private static StockLevel toProto(InventorySnapshot.Level l) {
        return StockLevel.newBuilder().setSku(l.sku()).setKnown(l.known()).setAvailable(l.available())
                .setUpdatedAt(l.updatedAt() == null ? "" : l.updatedAt().toString())
                .setRestockEta(l.restockEta() == null ? "" : l.restockEta().toString()).build();
    }

    private static Uni<Order> reply(Uni<OrderView> result) {
        return result.map(OrderProtoMapper::toProto).onFailure().transform(OrderGrpcService::toStatus);
    }

    static StatusRuntimeException toStatus(Throwable t) {
        if (t instanceof OrderNotFoundException e) {
            return Status.NOT_FOUND.withDescription("order " + e.orderId() + " not found").asRuntimeException();
        }
        if (t instanceof VersionConflictException e) {
            return Status.ABORTED.withDescription(e.getMessage() + "; read the order again and retry").asRuntimeException();
        }
        if (t instanceof OrderItemNotFoundException e) {
            return Status.NOT_FOUND.withDescription("item " + e.itemId() + " of order " + e.orderId() + " not found")
                    .asRuntimeException();
        }
        if (t instanceof OrderStateException || t instanceof OutOfStockException) {
            return Status.FAILED_PRECONDITION.withDescription(t.getMessage()).asRuntimeException();
        }
        if (t instanceof InvalidOrderException e) {
            return GrpcStatuses.invalidArgument(e.violations().stream()
                    .map(v -> new FieldError(v.field(), v.code(), v.rejectedValue())).toList());
        }
        return GrpcStatuses.common(t);
    }
}
