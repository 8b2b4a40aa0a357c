package io.ordercare.gateway.order;

/**
 * A product of the inventory snapshot that could stand in for an item of an order, with its score (higher is
 * better; see {@link SubstituteRanking}). The price is the snapshot's, in minor units of {@code currency}.
 */
public record Substitute(String sku, String name, String category, String size, String colour, long unitPriceMinor,
        String currency, int available, double score) {
}
