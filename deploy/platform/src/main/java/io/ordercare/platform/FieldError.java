package io.ordercare.platform;

/**
 * One invalid field of a request: where (a JSON path of the payload), a stable code from a fixed set
 * (e.g. {@code required}, {@code must_be_positive}) and the rejected value, masked where it is personal data.
 */
public record FieldError(String field, String code, String rejectedValue) {
}
