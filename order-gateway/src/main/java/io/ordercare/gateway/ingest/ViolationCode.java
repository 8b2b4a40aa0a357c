package io.ordercare.gateway.ingest;

/**
 * Why a field of an incoming order was rejected. The REST layer turns {@link #code()} into a message in the
 * caller's language ({@code field.<code>} in the problem bundles), so violations carry no sentences.
 */
public enum ViolationCode {
    /** The field is missing or blank. */
    REQUIRED("required"),
    /** A quantity is zero or negative. */
    MUST_BE_POSITIVE("must_be_positive"),
    /** An amount of money is negative. */
    MUST_NOT_BE_NEGATIVE("must_not_be_negative"),
    /** Not a decimal number, or an amount with more than two decimals. */
    INVALID_NUMBER("invalid_number"),
    /** Not a date-time in the platform's format. */
    INVALID_DATE("invalid_date"),
    /** Cannot be made an E.164 phone number. */
    INVALID_PHONE("invalid_phone"),
    /** Not an ISO 4217 currency with two decimals. */
    INVALID_CURRENCY("invalid_currency"),
    /** A currency other than the order's, e.g. a payment transaction in the presentment currency. */
    CURRENCY_MISMATCH("currency_mismatch"),
    /** Not one of the values the platform defines for the field, e.g. a transaction kind or status. */
    INVALID_VALUE("invalid_value"),
    /** Longer than the field can be stored, e.g. a payment provider's reference. */
    TOO_LONG("too_long"),
    /** The order has no item lines. */
    NO_ITEMS("no_items"),
    /** A total the platform sent disagrees with the item lines it sent. */
    TOTAL_MISMATCH("total_mismatch"),
    /** The payload is not one of the known platform formats, or the platform named is unknown. */
    UNKNOWN_FORMAT("unknown_format");

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    /** The stable wire form, e.g. {@code must_be_positive}. */
    public String code() {
        return code;
    }
}
