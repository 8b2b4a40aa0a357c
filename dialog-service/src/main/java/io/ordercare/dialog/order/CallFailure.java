package io.ordercare.dialog.order;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * What went wrong with a call to another service, in the terms a dialog answers to: the record changed meanwhile
 * (stale version), the change is not allowed in its state, it does not exist, or the service cannot be reached.
 */
public final class CallFailure extends RuntimeException {

    public enum Kind {
        CONFLICT, REFUSED, NOT_FOUND, INVALID, UNAVAILABLE
    }

    private final Kind kind;

    private CallFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static boolean is(Throwable t, Kind kind) {
        return t instanceof CallFailure f && f.kind == kind;
    }

    /** The failure of a gRPC call of {@code service}. */
    public static CallFailure of(String service, Throwable t) {
        if (t instanceof CallFailure f) {
            return f;
        }
        Status.Code code = t instanceof StatusRuntimeException e ? e.getStatus().getCode() : Status.Code.UNKNOWN;
        String description = t instanceof StatusRuntimeException e ? e.getStatus().getDescription() : t.toString();
        Kind kind = switch (code) {
            case ABORTED -> Kind.CONFLICT;
            case FAILED_PRECONDITION -> Kind.REFUSED;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case INVALID_ARGUMENT -> Kind.INVALID;
            default -> Kind.UNAVAILABLE;
        };
        return new CallFailure(kind, service + ": " + code + (description == null ? "" : " " + description), t);
    }
}
