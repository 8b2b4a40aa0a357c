package io.ordercare.logistics.shipment;

/** No shipment matches the order id or tracking number asked for. */
public class ShipmentNotFoundException extends RuntimeException {

    private final String key;

    public ShipmentNotFoundException(String key) {
        super("no shipment for " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
