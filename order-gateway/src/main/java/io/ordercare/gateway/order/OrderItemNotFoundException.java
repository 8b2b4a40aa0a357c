package io.ordercare.gateway.order;

/** The order exists but has no item with this id. */
public class OrderItemNotFoundException extends RuntimeException {

    private final String orderId;
    private final long itemId;

    public OrderItemNotFoundException(String orderId, long itemId) {
        super("order " + orderId + " has no item " + itemId);
        this.orderId = orderId;
        this.itemId = itemId;
    }

    public String orderId() {
        return orderId;
    }

    public long itemId() {
        return itemId;
    }
}
