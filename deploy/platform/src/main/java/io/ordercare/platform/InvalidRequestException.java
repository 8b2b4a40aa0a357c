package io.ordercare.platform;

import java.util.List;

/** A request that cannot be applied as given; carries every invalid field at once. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("invalid request: " + errors.stream().map(e -> e.field() + " " + e.code()).toList());
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String code) {
        return new InvalidRequestException(List.of(new FieldError(field, code, null)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
