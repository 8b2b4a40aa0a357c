package io.ordercare.returns.refund;

import java.math.BigInteger;

/**
 * Exact splitting of money in minor units. An amount is split in proportion to weights with the largest-remainder
 * method, so the parts always add up to the amount, to the cent; ties go to the earlier part. Partial quantities
 * of a line are refunded cumulatively: the first k of n units are worth floor(amount × k / n), so however a line is
 * returned in parts, the parts add up to the line's amount.
 */
public final class Proration {

    private Proration() {
    }

    public static long[] split(long amount, long[] weights) {
        long[] shares = new long[weights.length];
        if (weights.length == 0 || amount == 0) {
            return shares;
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            total = total.add(BigInteger.valueOf(w));
        }
        long[] effective = weights;
        if (total.signum() == 0) {
            effective = new long[weights.length];
            java.util.Arrays.fill(effective, 1);
            total = BigInteger.valueOf(weights.length);
        }
        BigInteger[] remainders = new BigInteger[weights.length];
        long allotted = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(effective[i])).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allotted += shares[i];
        }
        for (long left = amount - allotted; left > 0; left--) {
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

    /** The worth of units {@code already+1 .. already+quantity} of a line of {@code lineQuantity} units. */
    public static long units(long lineAmount, int lineQuantity, int already, int quantity) {
        if (quantity <= 0) {
            return 0;
        }
        if (already < 0 || already + quantity > lineQuantity) {
            throw new IllegalArgumentException("more units than the line has");
        }
        return cumulative(lineAmount, lineQuantity, already + quantity) - cumulative(lineAmount, lineQuantity, already);
    }

    private static long cumulative(long amount, int n, int k) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(n)).longValueExact();
    }
}
