package io.ordercare.routing.platform;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.platform.GrpcStatuses;

/**
 * Failures as gRPC statuses: INVALID_ARGUMENT (with the invalid fields), NOT_FOUND, FAILED_PRECONDITION
 * (the state forbids it), ABORTED (stale version: read again and retry); the rest as {@link GrpcStatuses#common}.
 */
public final class GrpcStatus {

    private GrpcStatus() {
    }

    public static StatusRuntimeException of(Throwable t) {
        if (t instanceof NotFoundException e) {
            return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
        }
        if (t instanceof StateConflictException || t instanceof NoCapacityException) {
            return Status.FAILED_PRECONDITION.withDescription(t.getMessage()).asRuntimeException();
        }
        if (t instanceof VersionConflictException e) {
            return Status.ABORTED.withDescription(e.getMessage() + "; read it again and retry").asRuntimeException();
        }
        return GrpcStatuses.common(t);
    }
}
