package io.ordercare.returns.order;

/** order-gateway could not be reached (or did not answer in time): a degraded dependency. */
public class OrderUnavailableException extends RuntimeException {

    public OrderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
