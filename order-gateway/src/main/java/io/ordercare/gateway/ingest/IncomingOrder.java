package io.ordercare.gateway.ingest;

import java.time.Instant;
import java.util.List;

/**
 * An order as a sales platform sent it, in the suite's canonical shape and not yet stored.
 *
 * @param platform   {@code SHOPIFY}, {@code TAOBAO} or {@code JD}
 * @param externalId the platform's own order id; unique per platform
 * @param totalMinor what the customer pays for the whole order, shipping included, in minor units of
 *                   {@code currency}
 */
public record IncomingOrder(
        String platform,
        String externalId,
        Instant placedAt,
        String currency,
        long totalMinor,
        IncomingCustomer customer,
        IncomingAddress address,
        List<IncomingItem> items,
        IncomingPayment payment) {

    public IncomingOrder {
        items = List.copyOf(items);
    }
}
