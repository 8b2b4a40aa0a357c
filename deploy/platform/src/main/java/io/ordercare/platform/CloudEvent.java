package io.ordercare.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
}
