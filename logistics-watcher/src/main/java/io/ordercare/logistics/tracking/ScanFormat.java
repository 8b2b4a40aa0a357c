package io.ordercare.logistics.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** One carrier's tracking-push format. */
public interface ScanFormat {

    ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The name used in CloudEvent types ({@code tracking.<name>}) and the {@code format} header. */
    String name();

    /** True when the payload has this format's shape. */
    boolean recognizes(JsonNode payload);

    /** @throws InvalidScanException naming the first field that makes the payload unusable */
    List<CarrierScan> read(JsonNode payload);

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    static String required(JsonNode node, String field, String where) {
        String v = text(node, field);
        if (v == null) {
            throw new InvalidScanException(where + field + " is missing");
        }
        return v;
    }

    static java.time.Instant chinaTime(String value, String where) {
        try {
            return LocalDateTime.parse(value, CHINA_TIME).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidScanException(where + "is not a time (yyyy-MM-dd HH:mm:ss): " + value);
            }
        }
    }

    /** Tracking numbers are letters, digits and dashes; anything else is a broken record. */
    static String trackingNumber(String value, String where) {
        if (!value.matches("[A-Za-z0-9-]{6,40}")) {
            throw new InvalidScanException(where + "is not a tracking number: " + value);
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
