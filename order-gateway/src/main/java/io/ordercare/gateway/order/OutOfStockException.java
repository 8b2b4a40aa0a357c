package io.ordercare.gateway.order;

/** A product cannot go on the order: the snapshot has fewer units available than the order would need. */
public class OutOfStockException extends RuntimeException {

    private final String sku;
    private final int available;
    private final int needed;

    public OutOfStockException(String sku, int available, int needed) {
        super("sku " + sku + ": " + available + " available, " + needed + " needed");
        this.sku = sku;
        this.available = available;
        this.needed = needed;
    }

    public String sku() {
        return sku;
    }

    public int available() {
        return available;
    }

    public int needed() {
        return needed;
    }
}
