package io.ordercare.gateway.cdc;

/** A captured change that cannot become a domain event; it goes to the DLQ with this message. */
public class UnmappableChangeException extends RuntimeException {

    public UnmappableChangeException(String reason) {
        super(reason);
    }
}
