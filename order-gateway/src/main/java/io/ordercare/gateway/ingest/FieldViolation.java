package io.ordercare.gateway.ingest;

import java.util.Objects;

/**
 * One problem with one field of a platform payload.
 *
 * @param field         the field's path in the raw payload, e.g. {@code line_items[0].quantity},
 *                      {@code receiver_mobile}, {@code consigneeInfo.mobile}; {@code $} for the payload as a whole
 * @param code          a {@link ViolationCode#code()}
 * @param rejectedValue the offending value as sent, phone numbers masked; null when the field was absent
 */
public record FieldViolation(String field, String code, String rejectedValue) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }

    public FieldViolation(String field, ViolationCode code, String rejectedValue) {
        this(field, code.code(), rejectedValue);
    }
}
