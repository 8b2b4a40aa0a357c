package io.ordercare.logistics.detection;

import java.util.List;

/** The alerts of {@code logistics.alerts}, each with the CloudEvent type and what could be done about it. */
public enum AlertType {
    STUCK("shipment.stuck", List.of(SuggestedAction.WAIT, SuggestedAction.CONTACT_CARRIER)),
    DELAY_RISK("shipment.delay-risk", List.of(SuggestedAction.WAIT, SuggestedAction.CONTACT_CUSTOMER)),
    LOST_SUSPECTED("shipment.lost-suspected",
            List.of(SuggestedAction.CONTACT_CARRIER, SuggestedAction.CLAIM, SuggestedAction.RESHIP)),
    DELIVERY_FAILED("shipment.delivery-failed", List.of(SuggestedAction.REDELIVER, SuggestedAction.CONTACT_CUSTOMER)),
    RETURNED_TO_SENDER("shipment.returned-to-sender",
            List.of(SuggestedAction.CONTACT_CUSTOMER, SuggestedAction.RESHIP, SuggestedAction.REFUND)),
    ADDRESS_PROBLEM("shipment.address-problem", List.of(SuggestedAction.VERIFY_ADDRESS, SuggestedAction.CONTACT_CUSTOMER));

    private final String eventType;
    private final List<SuggestedAction> suggestedActions;

    AlertType(String eventType, List<SuggestedAction> suggestedActions) {
        this.eventType = eventType;
        this.suggestedActions = suggestedActions;
    }

    public String eventType() {
        return eventType;
    }

    public List<SuggestedAction> suggestedActions() {
        return suggestedActions;
    }
}
