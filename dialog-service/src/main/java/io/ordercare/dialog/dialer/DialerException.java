package io.ordercare.dialog.dialer;

/**
 * A call that was not placed. {@code retryable} says whether trying again later may work (the platform was busy or
 * unreachable) or not (the request itself was refused, e.g. an invalid number). The message never holds a full
 * phone number.
 */
public class DialerException extends RuntimeException {

    private final boolean retryable;
    private final int httpStatus;
    private final String providerCode;

    public DialerException(String message, boolean retryable, int httpStatus, String providerCode, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
    }

    public DialerException(String message, boolean retryable) {
        this(message, retryable, 0, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The platform's HTTP status; 0 when it was not reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The platform's error code (Twilio's numeric codes, e.g. 21211), or null. */
    public String providerCode() {
        return providerCode;
    }
}
