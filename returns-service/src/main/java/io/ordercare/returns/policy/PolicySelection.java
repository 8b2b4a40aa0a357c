package io.ordercare.returns.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the policy that governs an item: among the policies in force when the order was placed (a customer keeps
 * the terms they bought under) that match the platform and the category, the most specific (category before
 * platform, both before the wildcard), then the latest version.
 */
public final class PolicySelection {

    private PolicySelection() {
    }

    public static Optional<ReturnPolicy> pick(List<ReturnPolicy> policies, String platform, String category,
            Instant placedAt) {
        String p = platform == null ? "" : platform.toUpperCase(Locale.ROOT);
        String c = category == null ? "" : category.toLowerCase(Locale.ROOT);
        return policies.stream()
                .filter(x -> x.inForceAt(placedAt))
                .filter(x -> ReturnPolicy.ANY.equals(x.platform()) || x.platform().equalsIgnoreCase(p))
                .filter(x -> ReturnPolicy.ANY.equals(x.category()) || x.category().equalsIgnoreCase(c))
                .max(Comparator.comparingInt(ReturnPolicy::specificity).thenComparingInt(ReturnPolicy::version));
    }
}
