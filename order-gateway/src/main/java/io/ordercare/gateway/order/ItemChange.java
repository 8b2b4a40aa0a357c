package io.ordercare.gateway.order;

/** A change to one item line; null fields stay as they are. */
public record ItemChange(Long itemId, Integer quantity, String size, String colour) {
}
