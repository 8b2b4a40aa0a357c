package io.ordercare.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the fields of a raw platform payload as canonical values and records each problem as a
 * {@link FieldViolation} named by the field's path, so that one pass over a payload finds every problem. A value
 * that cannot be read comes back as null or 0; the mapping ends with {@link #validOrThrow}, which never lets such
 * a placeholder out.
 *
 * <p>Readers of nested objects and array elements share their parent's violations.
 */
final class PayloadReader {

    private static final int MONEY_SCALE = 2;
    private static final int MAX_INTEGER_DIGITS = 16;
    private static final int MAX_REJECTED_LENGTH = 64;

    private final JsonNode node;
    private final String path;
    private final List<FieldViolation> violations;

    private PayloadReader(JsonNode node, String path, List<FieldViolation> violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    static PayloadReader of(JsonNode payload) {
        return new PayloadReader(payload, "", new ArrayList<>());
    }

    boolean isPresent() {
        return node.isObject();
    }

    /** The nested object; reads nothing but absent values when there is none. */
    PayloadReader object(String field) {
        return new PayloadReader(node.path(field), pathOf(field), violations);
    }

    PayloadReader requiredObject(String field) {
        PayloadReader child = object(field);
        if (!child.isPresent()) {
            reject(field, ViolationCode.REQUIRED, null);
        }
        return child;
    }

    /** The elements of an optional array; empty when absent or not an array. */
    List<PayloadReader> array(String field) {
        JsonNode array = node.path(field);
        List<PayloadReader> elements = new ArrayList<>();
        if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                elements.add(new PayloadReader(array.get(i), pathOf(field) + "[" + i + "]", violations));
            }
        }
        return elements;
    }

    /**
     * The order lines in an array of objects; an absent or empty array is {@link ViolationCode#NO_ITEMS}, an
     * element that is no object is {@link ViolationCode#REQUIRED}.
     */
    List<PayloadReader> lines(String field) {
        List<PayloadReader> lines = array(field);
        if (lines.isEmpty()) {
            reject(field, ViolationCode.NO_ITEMS, null);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isPresent()) {
                reject(field + "[" + i + "]", ViolationCode.REQUIRED, null);
            }
        }
        return lines;
    }

    /**
     * The elements of an optional array of objects; empty when absent, null or empty. A value that is no array
     * is {@link ViolationCode#INVALID_VALUE}, an element that is no object {@link ViolationCode#REQUIRED}.
     */
    List<PayloadReader> objects(String field) {
        JsonNode value = node.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isArray()) {
            reject(field, ViolationCode.INVALID_VALUE, value.isValueNode() ? value.asText() : null);
            return List.of();
        }
        List<PayloadReader> elements = array(field);
        for (int i = 0; i < elements.size(); i++) {
            if (!elements.get(i).isPresent()) {
                reject(field + "[" + i + "]", ViolationCode.REQUIRED, null);
            }
        }
        return elements;
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** The field as trimmed text; null when absent, null, blank or not a single value. */
    String text(String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    String requiredText(String field) {
        return required(field, text(field));
    }

    /**
     * {@code value}, read from {@code field} or its fallbacks; when null, {@code field} is recorded as required,
     * unless a problem was recorded for it already or this reader stands for no object at all (then the missing
     * object is the one problem to report).
     */
    String required(String field, String value) {
        if (value == null && isPresent() && !hasViolationsAt(field)) {
            reject(field, ViolationCode.REQUIRED, null);
        }
        return value;
    }

    /**
     * A required code out of a fixed set of lower-case ones, read case-insensitively; null when absent or not one
     * of them ({@link ViolationCode#INVALID_VALUE}).
     */
    String code(String field, Set<String> allowed) {
        String text = requiredText(field);
        if (text == null) {
            return null;
        }
        String code = text.toLowerCase(Locale.ROOT);
        if (!allowed.contains(code)) {
            reject(field, ViolationCode.INVALID_VALUE, text);
            return null;
        }
        return code;
    }

    /** The values of an optional array of texts; empty when absent. */
    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node.path(field)) {
            if (element.isValueNode() && !element.isNull() && !element.asText().isBlank()) {
                texts.add(element.asText().strip());
            }
        }
        return texts;
    }

    /** A required decimal amount such as {@code "99.90"} in minor units; never negative. */
    long amount(String field) {
        String text = requiredText(field);
        return text == null ? 0 : minorUnits(field, text);
    }

    /** An optional decimal amount in minor units; {@code absent} when the field is missing. */
    long amountOr(String field, long absent) {
        String text = text(field);
        return text == null ? absent : minorUnits(field, text);
    }

    /** A required count of units, greater than zero. */
    int quantity(String field) {
        String text = requiredText(field);
        if (text == null) {
            return 0;
        }
        int quantity;
        try {
            quantity = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            reject(field, ViolationCode.INVALID_NUMBER, text);
            return 0;
        }
        if (quantity <= 0) {
            reject(field, ViolationCode.MUST_BE_POSITIVE, text);
            return 0;
        }
        return quantity;
    }

    Instant time(String field, DateTimeFormatter format) {
        String text = requiredText(field);
        return text == null ? null : parseTime(field, text, format);
    }

    Instant optionalTime(String field, DateTimeFormatter format) {
        String text = text(field);
        return text == null ? null : parseTime(field, text, format);
    }

    /**
     * An optional phone number in E.164; null when absent or unreadable (then recorded, masked).
     *
     * @param country ISO 3166-1 alpha-2 code the number is dialled from, see {@link PhoneNumber#toE164}
     */
    String phone(String field, String country) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return PhoneNumber.toE164(text, country).orElseGet(() -> {
            reject(field, ViolationCode.INVALID_PHONE, PhoneNumber.mask(text));
            return null;
        });
    }

    /** A required ISO 4217 code of a currency with two decimals, the scale all amounts are read in. */
    String currency(String field) {
        String text = requiredText(field);
        if (text == null) {
            return null;
        }
        if (!isTwoDecimalCurrency(text)) {
            reject(field, ViolationCode.INVALID_CURRENCY, text);
            return null;
        }
        return text;
    }

    void reject(String field, ViolationCode code, String rejectedValue) {
        violations.add(new FieldViolation(pathOf(field), code, truncated(rejectedValue)));
    }

    /** Whether a problem was recorded for the field or anything inside it. */
    boolean hasViolationsAt(String field) {
        String fieldPath = pathOf(field);
        return violations.stream().map(FieldViolation::field).anyMatch(f -> f.equals(fieldPath)
                || f.startsWith(fieldPath + ".") || f.startsWith(fieldPath + "["));
    }

    /** {@code mapped} when nothing was wrong with the payload. */
    <T> T validOrThrow(T mapped) {
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(violations);
        }
        return mapped;
    }

    private String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private long minorUnits(String field, String text) {
        OptionalLong minor = parseMinorUnits(text);
        if (minor.isEmpty()) {
            reject(field, ViolationCode.INVALID_NUMBER, text);
            return 0;
        }
        if (minor.getAsLong() < 0) {
            reject(field, ViolationCode.MUST_NOT_BE_NEGATIVE, text);
            return 0;
        }
        return minor.getAsLong();
    }

    /** Empty unless a decimal number with at most two decimals and of a size money can have. */
    private static OptionalLong parseMinorUnits(String text) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        // Checked before rescaling: an exponent like 1E999999999 would otherwise expand to a billion digits.
        if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(decimal.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY).unscaledValue()
                    .longValueExact());
        } catch (ArithmeticException moreThanTwoDecimals) {
            return OptionalLong.empty();
        }
    }

    private Instant parseTime(String field, String text, DateTimeFormatter format) {
        try {
            return format.parse(text, Instant::from);
        } catch (DateTimeException e) {
            reject(field, ViolationCode.INVALID_DATE, text);
            return null;
        }
    }

    private static boolean isTwoDecimalCurrency(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() == MONEY_SCALE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String truncated(String value) {
        return value == null || value.length() <= MAX_REJECTED_LENGTH ? value : value.substring(0, MAX_REJECTED_LENGTH);
    }
}
