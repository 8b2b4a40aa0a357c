package io.ordercare.returns.order;

/** order-gateway knows no order with this id. */
public class OrderNotFoundException extends RuntimeException {

    private final String orderId;

    public OrderNotFoundException(String orderId) {
        super("no order " + orderId);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
