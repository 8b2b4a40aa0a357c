package io.ordercare.gateway.anomaly;

/**
 * What the anomaly rules know of one order line.
 *
 * @param unitPriceMinor paid per unit, after discounts
 * @param listPriceMinor the catalogue price per unit; 0 when unknown
 */
public record ItemFacts(String sku, String category, int quantity, long unitPriceMinor, long listPriceMinor) {
}
