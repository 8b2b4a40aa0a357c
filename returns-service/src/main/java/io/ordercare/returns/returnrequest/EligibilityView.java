package io.ordercare.returns.returnrequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of an eligibility check, explained: the deciding rule and its sentence in English and Chinese
 * ({@code explanation.en}, {@code explanation.zh}), and the same per item with the policy applied.
 *
 * @param rule WITHIN_POLICY, or the first rule that refused: NOT_DELIVERED, QUANTITY_EXCEEDED, NO_POLICY,
 *        NON_RETURNABLE_CATEGORY, OPENED, WINDOW_PASSED, EXCHANGE_NOT_ALLOWED
 * @param estimatedRefundMinor what a return of these items would refund, prorated (for an eligible RETURN)
 */
public record EligibilityView(boolean eligible, String rule, Map<String, String> explanation,
        String returnShippingPaidBy, Long estimatedRefundMinor, String currency, List<Item> items) {

    public record Item(long itemId, String sku, String category, int quantity, boolean eligible, String rule,
            Map<String, String> explanation, Long policyId, Integer policyVersion, String policyScope,
            Instant deadline) {
    }
}
