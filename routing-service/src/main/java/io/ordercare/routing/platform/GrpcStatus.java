package io.ordercare.routing.platform;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.platform.InvalidRequestException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Failures as gRPC statuses: INVALID_ARGUMENT (with the invalid fields), NOT_FOUND, FAILED_PRECONDITION
 * (the state forbids it), ABORTED (stale version: read again and retry), INTERNAL (nothing changed).
 */
public final class GrpcStatus {

    private static final Logger LOG = Logger.getLogger(GrpcStatus.class);

    private GrpcStatus() {
    }

    public static StatusRuntimeException of(Throwable t) {
        if (t instanceof InvalidRequestException e) {
            return Status.INVALID_ARGUMENT.withDescription(e.errors().stream()
                    .map(f -> f.field() + ": " + f.code()).collect(Collectors.joining("; "))).asRuntimeException();
        }
        if (t instanceof NotFoundException e) {
            return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
        }
        if (t instanceof StateConflictException || t instanceof NoCapacityException) {
            return Status.FAILED_PRECONDITION.withDescription(t.getMessage()).asRuntimeException();
        }
        if (t instanceof VersionConflictException e) {
            return Status.ABORTED.withDescription(e.getMessage() + "; read it again and retry").asRuntimeException();
        }
        if (t instanceof StatusRuntimeException e) {
            return e;
        }
        LOG.error("unexpected failure in a gRPC call", t);
        return Status.INTERNAL.withDescription("internal error; the request changed nothing").asRuntimeException();
    }
}
