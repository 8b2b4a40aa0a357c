package io.ordercare.returns.priceprotection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Price protection (价保): when an item's price drops within the policy's window from purchase, the customer gets
 * the difference per unit for every unit they still keep (units returned or refunded are excluded).
 */
public final class PriceProtectionRule {

    public enum Outcome {
        REFUND,
        NOT_COVERED,
        WINDOW_PASSED,
        NO_PRICE_DROP,
        NOTHING_KEPT
    }

    public record Decision(Outcome outcome, long differencePerUnitMinor, int units, long amountMinor,
            Instant windowEnd) {
    }

    private PriceProtectionRule() {
    }

    public static Decision decide(int protectionDays, Instant placedAt, Instant now, long paidUnitMinor,
            long currentUnitMinor, int unitsKept) {
        Instant end = placedAt.plus(protectionDays, ChronoUnit.DAYS);
        if (protectionDays <= 0) {
            return new Decision(Outcome.NOT_COVERED, 0, 0, 0, placedAt);
        }
        if (now.isAfter(end)) {
            return new Decision(Outcome.WINDOW_PASSED, 0, 0, 0, end);
        }
        long diff = paidUnitMinor - currentUnitMinor;
        if (diff <= 0) {
            return new Decision(Outcome.NO_PRICE_DROP, 0, 0, 0, end);
        }
        if (unitsKept <= 0) {
            return new Decision(Outcome.NOTHING_KEPT, diff, 0, 0, end);
        }
        return new Decision(Outcome.REFUND, diff, unitsKept, Math.multiplyExact(diff, (long) unitsKept), end);
    }
}
