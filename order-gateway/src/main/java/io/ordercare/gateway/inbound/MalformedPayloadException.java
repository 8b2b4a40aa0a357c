package io.ordercare.gateway.inbound;

/** The payload is not JSON at all; the parser's own message says where it broke. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String parserMessage) {
        super(parserMessage);
    }
}
