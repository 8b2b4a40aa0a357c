package io.ordercare.gateway.ingest;

/**
 * One order line.
 *
 * @param category       one of the {@link CategoryClassifier} categories
 * @param size           null when the variant has none or the platform does not say
 * @param colour         null when the variant has none or the platform does not say
 * @param unitPriceMinor what the customer actually paid per unit, after every discount
 * @param listPriceMinor the catalogue price per unit
 */
public record IncomingItem(
        String sku,
        String name,
        String category,
        String size,
        String colour,
        int quantity,
        long unitPriceMinor,
        long listPriceMinor) {

    public IncomingItem withUnitPriceMinor(long paidPerUnitMinor) {
        return new IncomingItem(sku, name, category, size, colour, quantity, paidPerUnitMinor, listPriceMinor);
    }
}
