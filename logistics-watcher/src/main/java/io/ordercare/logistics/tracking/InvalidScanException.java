package io.ordercare.logistics.tracking;

/** A tracking record that cannot be read as scans; the message says why and goes into the DLQ reason. */
public class InvalidScanException extends RuntimeException {

    public InvalidScanException(String reason) {
        super(reason);
    }
}
