package io.ordercare.returns.policy;

import java.time.Instant;
import java.util.Set;

/**
 * One version of a return policy for a platform and a category ({@code *} = any).
 *
 * @param nonReturnable null when returnable; otherwise why not (FRESH_FOOD, CUSTOM_MADE), which only a seller's
 *        fault overrides
 * @param requiresUnopened opened goods (digital) are only returnable when the seller is at fault
 * @param returnWindowDays days from delivery
 * @param sellerPaysReasons reasons for which the seller pays the return parcel and refunds the outbound shipping
 * @param priceProtectionDays days from purchase in which a price drop is refunded; 0 = none
 */
public record ReturnPolicy(long id, String platform, String category, int version, Instant effectiveFrom,
        Instant effectiveTo, String nonReturnable, boolean requiresUnopened, int returnWindowDays,
        boolean exchangeAllowed, Set<String> sellerPaysReasons, int priceProtectionDays, String description) {

    public static final String ANY = "*";

    public boolean inForceAt(Instant t) {
        return !effectiveFrom.isAfter(t) && (effectiveTo == null || effectiveTo.isAfter(t));
    }

    /** How specific the policy is for a platform and category: exact platform and category beat wildcards. */
    int specificity() {
        return (ANY.equals(category) ? 0 : 2) + (ANY.equals(platform) ? 0 : 1);
    }

    public boolean sellerPays(ReturnReason reason) {
        return sellerPaysReasons.contains(reason.name());
    }
}
