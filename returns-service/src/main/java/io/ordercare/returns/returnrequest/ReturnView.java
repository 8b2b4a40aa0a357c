package io.ordercare.returns.returnrequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return request (RMA) as callers read it.
 *
 * @param kind RETURN or EXCHANGE
 * @param eligibility the check it was decided by: rule, explanation (en, zh), per-item verdicts and policies
 * @param returnShippingPaidBy BUYER or SELLER, by the reason and the policies
 * @param refundId the refund of a return, or of a cheaper exchange replacement's difference
 * @param chargeId the charge of a dearer exchange replacement's difference (ledger kind EXCHANGE_CHARGE)
 * @param exchange the replacement an exchange shipped (SKU, carrier, tracking number, price difference); null before
 * @param history every status it went through, oldest first, with what moved it
 */
public record ReturnView(String id, String orderId, String kind, String reason, String status, boolean opened,
        String note, List<Item> items, JsonNode eligibility, String returnShippingPaidBy, Instant pickupSlotStart,
        Instant pickupSlotEnd, String carrier, String trackingNumber, UUID refundId, UUID chargeId,
        ReturnStore.Exchange exchange, Boolean inspectionPassed,
        long version, Instant createdAt, Instant updatedAt, List<Transition> history) {

    public record Item(long itemId, String sku, String name, String category, int quantity, long unitPriceMinor,
            String currency) {
    }

    public record Transition(String from, String to, Instant at, String cause) {
    }
}
