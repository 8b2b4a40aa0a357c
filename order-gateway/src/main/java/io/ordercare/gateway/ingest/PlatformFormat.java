package io.ordercare.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** One sales platform's order payload and its mapping to the canonical {@link IncomingOrder}. */
public interface PlatformFormat {

    /** {@code SHOPIFY}, {@code TAOBAO} or {@code JD}. */
    String platform();

    /** Whether the payload has this platform's shape; checks only the fields no other platform sends. */
    boolean recognizes(JsonNode raw);

    /**
     * Maps the payload and checks it in one pass.
     *
     * @throws InvalidOrderException listing every field that is missing, unreadable or inconsistent, named by its
     *                               path in {@code raw}
     */
    IncomingOrder normalize(JsonNode raw);
}
