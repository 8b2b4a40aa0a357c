package io.ordercare.dialog.campaign.contact;

import java.util.Arrays;
import java.util.Objects;

/**
 * What we know about when someone picks up, by local hour of the day (0–23): calls placed, calls answered by a
 * person, and orders placed at that hour. Kept per customer and summed over all customers for the population.
 *
 * <p>Hours are the customer's local hours (see {@link TimeZones}), so that customers in different zones add up
 * to one meaningful population. Immutable: {@code plus...} returns a new histogram.
 */
public final class AnswerHistogram {

    public static final int HOURS = 24;

    private static final AnswerHistogram EMPTY = new AnswerHistogram(new long[HOURS], new long[HOURS], new long[HOURS]);

    private final long[] calls;
    private final long[] answered;
    private final long[] orders;

    private AnswerHistogram(long[] calls, long[] answered, long[] orders) {
        this.calls = calls;
        this.answered = answered;
        this.orders = orders;
    }

    /** No calls and no orders: a new customer. */
    public static AnswerHistogram empty() {
        return EMPTY;
    }

    /**
     * From stored counts, indexed by local hour; the arrays are copied.
     *
     * @throws IllegalArgumentException unless each array has 24 non-negative counts and no hour has more answered
     *                                  than placed calls
     */
    public static AnswerHistogram of(long[] calls, long[] answered, long[] orders) {
        long[] c = copy("calls", calls);
        long[] a = copy("answered", answered);
        long[] o = copy("orders", orders);
        for (int h = 0; h < HOURS; h++) {
            if (a[h] > c[h]) {
                throw new IllegalArgumentException("hour " + h + " has " + a[h] + " answered of " + c[h] + " calls");
            }
        }
        return new AnswerHistogram(c, a, o);
    }

    /** With one more call placed at local {@code hour}, answered by a person or not. */
    public AnswerHistogram plusCall(int hour, boolean answeredByPerson) {
        checkHour(hour);
        long[] c = calls.clone();
        c[hour]++;
        long[] a = answered;
        if (answeredByPerson) {
            a = answered.clone();
            a[hour]++;
        }
        return new AnswerHistogram(c, a, orders);
    }

    /** With one more order placed at local {@code hour}. */
    public AnswerHistogram plusOrder(int hour) {
        checkHour(hour);
        long[] o = orders.clone();
        o[hour]++;
        return new AnswerHistogram(calls, answered, o);
    }

    /** The hour-by-hour sum, e.g. of all customers into the population. */
    public AnswerHistogram plus(AnswerHistogram other) {
        long[] c = new long[HOURS];
        long[] a = new long[HOURS];
        long[] o = new long[HOURS];
        for (int h = 0; h < HOURS; h++) {
            c[h] = Math.addExact(calls[h], other.calls[h]);
            a[h] = Math.addExact(answered[h], other.answered[h]);
            o[h] = Math.addExact(orders[h], other.orders[h]);
        }
        return new AnswerHistogram(c, a, o);
    }

    public long calls(int hour) {
        checkHour(hour);
        return calls[hour];
    }

    public long answered(int hour) {
        checkHour(hour);
        return answered[hour];
    }

    public long orders(int hour) {
        checkHour(hour);
        return orders[hour];
    }

    /** Copies of the counts, indexed by hour, for storing. */
    public long[] callsByHour() {
        return calls.clone();
    }

    public long[] answeredByHour() {
        return answered.clone();
    }

    public long[] ordersByHour() {
        return orders.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerHistogram h && Arrays.equals(calls, h.calls) && Arrays.equals(answered, h.answered)
                && Arrays.equals(orders, h.orders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(calls), Arrays.hashCode(answered), Arrays.hashCode(orders));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AnswerHistogram[");
        String sep = "";
        for (int h = 0; h < HOURS; h++) {
            if (calls[h] != 0 || orders[h] != 0) {
                b.append(sep).append(h).append("h=").append(answered[h]).append('/').append(calls[h]);
                if (orders[h] != 0) {
                    b.append(" orders ").append(orders[h]);
                }
                sep = ", ";
            }
        }
        return b.append(']').toString();
    }

    static void checkHour(int hour) {
        if (hour < 0 || hour >= HOURS) {
            throw new IllegalArgumentException("hour must be 0-23: " + hour);
        }
    }

    private static long[] copy(String name, long[] counts) {
        long[] c = Objects.requireNonNull(counts, name).clone();
        if (c.length != HOURS) {
            throw new IllegalArgumentException(name + " needs 24 hourly counts, got " + c.length);
        }
        for (int h = 0; h < HOURS; h++) {
            if (c[h] < 0) {
                throw new IllegalArgumentException(name + " at hour " + h + " is negative: " + c[h]);
            }
        }
        return c;
    }
}
