package io.ordercare.returns.platform;

import io.grpc.Status;

/**
 * A request this service refuses for a reason the caller can act on. {@code code} names the problem (and its
 * sentences in {@code i18n/problems[_zh].properties}); {@code args} fill the detail. REST answers with the HTTP
 * status of the kind, gRPC with its status code.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        NOT_FOUND(404, Status.Code.NOT_FOUND),
        FAILED_PRECONDITION(409, Status.Code.FAILED_PRECONDITION),
        ABORTED(409, Status.Code.ABORTED),
        UNAVAILABLE(503, Status.Code.UNAVAILABLE);

        public final int http;
        public final Status.Code grpc;

        Kind(int http, Status.Code grpc) {
            this.http = http;
            this.grpc = grpc;
        }
    }

    private final Kind kind;
    private final String code;
    private final Object[] args;

    public Refusal(Kind kind, String code, String message, Object... args) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.args = args;
    }

    public static Refusal notFound(String code, String message, Object... args) {
        return new Refusal(Kind.NOT_FOUND, code, message, args);
    }

    public static Refusal precondition(String code, String message, Object... args) {
        return new Refusal(Kind.FAILED_PRECONDITION, code, message, args);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
