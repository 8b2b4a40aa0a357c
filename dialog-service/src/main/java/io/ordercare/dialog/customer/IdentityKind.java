package io.ordercare.dialog.customer;

/** How a channel names a customer; the same kinds order-gateway keeps for its customers. */
public enum IdentityKind {
    PHONE, EMAIL, PLATFORM
}
