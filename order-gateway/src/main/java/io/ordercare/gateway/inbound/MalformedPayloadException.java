package io.ordercare.gateway.inbound;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * The payload is not JSON at all. The message names only where parsing broke, never the text around
 * it: payloads carry names, phones and addresses, and this message reaches logs and DLQ headers.
 */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String reason) {
        super(reason);
    }

    static MalformedPayloadException at(JsonLocation location) {
        return new MalformedPayloadException(location == null
                ? "not valid JSON"
                : "not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }
}
