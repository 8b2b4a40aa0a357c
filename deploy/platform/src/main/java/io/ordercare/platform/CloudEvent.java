package io.ordercare.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * A CloudEvents 1.0 event in JSON structured mode, the shape of every record on the suite's topics.
 * {@code subject} is the order id, which is also the record key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, Instant time, String subject,
        String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public static CloudEvent of(String id, String source, String type, Instant time, String subject, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, time, subject, "application/json", data);
    }

    /** True when a JSON record looks like a structured CloudEvent rather than a bare payload. */
    public static boolean isEnvelope(JsonNode node) {
        return node != null && node.isObject() && node.hasNonNull("specversion") && node.has("data");
    }

    /**
     * The structured CloudEvent in a record's value. A value that is not JSON, or JSON that is not a CloudEvent,
     * is {@link Unreadable} with the reason a dead letter carries ("not JSON (at line 1, column 2)").
     */
    public static JsonNode read(ObjectMapper json, String value) {
        JsonNode node;
        try {
            node = value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not JSON (at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (!isEnvelope(node)) {
            throw new Unreadable("not a CloudEvent (specversion and data required)");
        }
        return node;
    }

    /** A record a consumer cannot take; the message is the reason its dead letter carries. */
    public static final class Unreadable extends IllegalArgumentException {

        public Unreadable(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // an expected outcome with its reason, not a bug: no stack trace
        }
    }
}
