package io.ordercare.logistics.detection;

/** What an agent, the assistant or the customer could do about an alert. */
public enum SuggestedAction {
    WAIT,
    CONTACT_CARRIER,
    CLAIM,
    REDELIVER,
    RESHIP,
    REFUND,
    CONTACT_CUSTOMER,
    VERIFY_ADDRESS
}
