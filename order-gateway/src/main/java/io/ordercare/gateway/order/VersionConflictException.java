package io.ordercare.gateway.order;

/** The caller acted on a version of the order that is no longer the current one. */
public class VersionConflictException extends RuntimeException {

    private final String orderId;
    private final long expected;
    private final long actual;

    public VersionConflictException(String orderId, long expected, long actual) {
        super("order " + orderId + " is at version " + actual + ", request expected " + expected);
        this.orderId = orderId;
        this.expected = expected;
        this.actual = actual;
    }

    public String orderId() {
        return orderId;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
