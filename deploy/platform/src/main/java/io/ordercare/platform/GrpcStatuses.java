package io.ordercare.platform;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The gRPC statuses every service answers the same way: invalid fields as INVALID_ARGUMENT with
 * {@code field: code; ...}, a status already chosen as it is, anything else as INTERNAL (logged with its
 * stack trace, never sent). A service maps its own exceptions first and hands the rest to {@link #common}.
 */
public final class GrpcStatuses {

    private static final Logger LOG = Logger.getLogger(GrpcStatuses.class);

    private GrpcStatuses() {
    }

    public static StatusRuntimeException invalidArgument(List<FieldError> errors) {
        return Status.INVALID_ARGUMENT.withDescription(errors.stream().map(f -> f.field() + ": " + f.code())
                .collect(Collectors.joining("; "))).asRuntimeException();
    }

    public static StatusRuntimeException common(Throwable t) {
        if (t instanceof InvalidRequestException e) {
            return invalidArgument(e.errors());
        }
        if (t instanceof StatusRuntimeException e) {
            return e;
        }
        LOG.error("unexpected failure in a gRPC call", t);
        return Status.INTERNAL.withDescription("internal error; the request changed nothing").asRuntimeException();
    }
}
