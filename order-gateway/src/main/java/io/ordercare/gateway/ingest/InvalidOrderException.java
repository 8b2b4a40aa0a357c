package io.ordercare.gateway.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** A platform order that cannot be accepted, with every problem found in it. */
public class InvalidOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldViolation> violations;

    public InvalidOrderException(List<FieldViolation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid order needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    // Field and code only: rejected values may hold personal data and messages end up in logs.
    private static String summary(List<FieldViolation> violations) {
        return violations.stream()
                .map(v -> v.field() + " " + v.code())
                .collect(Collectors.joining(", ", "invalid order: ", ""));
    }
}
