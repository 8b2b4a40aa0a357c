package io.ordercare.gateway.ingest;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;

/** The arithmetic between a platform's order totals and its lines. */
final class OrderTotals {

    private OrderTotals() {
    }

    /**
     * Records {@link ViolationCode#TOTAL_MISMATCH} at {@code field} when the goods total the platform declared there
     * is not the sum of list price × quantity of the lines. Skipped while the lines or the total are unreadable, as
     * the comparison would mean nothing.
     */
    static void checkGoodsTotal(PayloadReader payload, String field, long declaredMinor, String linesField,
            List<IncomingItem> items) {
        if (payload.hasViolationsAt(field) || payload.hasViolationsAt(linesField)) {
            return;
        }
        BigInteger sum = items.stream().map(OrderTotals::valueAtListPrice).reduce(BigInteger.ZERO, BigInteger::add);
        if (!sum.equals(BigInteger.valueOf(declaredMinor))) {
            payload.reject(field, ViolationCode.TOTAL_MISMATCH, payload.text(field));
        }
    }

    /** List price × quantity, exact however large the payload's numbers. */
    static BigInteger valueAtListPrice(IncomingItem item) {
        return BigInteger.valueOf(item.listPriceMinor()).multiply(BigInteger.valueOf(item.quantity()));
    }

    /**
     * A line's amount per unit, rounded half up to the minor unit. Discounts that do not divide evenly leave
     * unit × quantity off the line's amount by less than one minor unit per unit.
     */
    static long perUnit(long lineMinor, int quantity) {
        return quantity == 0 ? 0 : (2 * lineMinor + quantity) / (2L * quantity);
    }

    /**
     * Splits {@code amountMinor} over lines in proportion to their weights, largest remainder first, so that the
     * shares add up to exactly {@code amountMinor}. When all lines weigh zero, they weigh the same.
     */
    static long[] proportionalShares(long amountMinor, List<BigInteger> weights) {
        if (weights.isEmpty()) {
            return new long[0];
        }
        BigInteger totalWeight = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        List<BigInteger> effective = weights;
        if (totalWeight.signum() == 0) {
            effective = Collections.nCopies(weights.size(), BigInteger.ONE);
            totalWeight = BigInteger.valueOf(weights.size());
        }
        long[] shares = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long allotted = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] quotient = BigInteger.valueOf(amountMinor).multiply(effective.get(i))
                    .divideAndRemainder(totalWeight);
            shares[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1];
            allotted += shares[i];
        }
        for (long left = amountMinor - allotted; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i].compareTo(remainders[largest]) > 0) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = BigInteger.valueOf(-1);
        }
        return shares;
    }
}
