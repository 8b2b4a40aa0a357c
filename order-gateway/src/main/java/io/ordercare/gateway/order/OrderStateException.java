package io.ordercare.gateway.order;

/** The order's status no longer allows the action (e.g. changing the address of a shipped order). */
public class OrderStateException extends RuntimeException {

    /** The action that was refused, as a message key suffix: change-address, cancel, change-status ... */
    private final String action;
    private final String orderId;
    private final OrderStatus status;
    private final OrderStatus target;

    public OrderStateException(String orderId, OrderStatus status, String action, OrderStatus target) {
        super("order " + orderId + " is " + status + ": " + action + (target == null ? "" : " to " + target) + " not allowed");
        this.orderId = orderId;
        this.status = status;
        this.action = action;
        this.target = target;
    }

    public String action() {
        return action;
    }

    public String orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderStatus target() {
        return target;
    }
}
