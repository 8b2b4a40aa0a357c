package io.ordercare.dialog.campaign.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When to call a customer: the open hour in which they are most likely to answer, learned from their own calls and
 * orders and, until there is enough of that, from everyone's.
 *
 * <p>For local hour h the population rate is {@code p_h = (A_h + 1) / (C_h + 2)} (answered and placed calls of all
 * customers; the +1/+2 keeps an hour nobody has been called at at ½ instead of 0/0). The customer's estimate is
 * {@code (a_h + w·o_h + k·p_h) / (c_h + w·o_h + k)}: their own answered and placed calls, their orders at that hour
 * counted as {@code w} of an answered call each (someone who shops at 20:00 is usually free at 20:00), and the
 * population rate worth {@code k} calls, so a new customer gets the population's hour and a few calls of their
 * own start to move it.
 *
 * @param orderWeight   {@code w}: how much an order counts as an answered call, ≥ 0
 * @param priorStrength {@code k}: how many calls the population rate is worth, > 0
 * @param margin        how much better a later hour must be to wait for it, ≥ 0; without it noise in the estimates
 *                      would keep postponing calls
 */
public record BestTimeModel(double orderWeight, double priorStrength, double margin) {

    /** Half an answered call per order, a prior worth four calls, wait only for five points more. */
    public static final BestTimeModel DEFAULT = new BestTimeModel(0.5, 4, 0.05);

    public BestTimeModel {
        if (!(orderWeight >= 0) || Double.isInfinite(orderWeight)) {
            throw new IllegalArgumentException("orderWeight must be a finite number >= 0: " + orderWeight);
        }
        if (!(priorStrength > 0) || Double.isInfinite(priorStrength)) {
            throw new IllegalArgumentException("priorStrength must be a finite number > 0: " + priorStrength);
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0: " + margin);
        }
    }

    /** The population's smoothed answer rate at local {@code hour}. */
    public static double populationRate(int hour, AnswerHistogram population) {
        return (population.answered(hour) + 1.0) / (population.calls(hour) + 2.0);
    }

    /** The probability that {@code customer} answers a call placed in their local {@code hour}. */
    public double answerProbability(int hour, AnswerHistogram customer, AnswerHistogram population) {
        double prior = priorStrength * populationRate(hour, population);
        double fromOrders = orderWeight * customer.orders(hour);
        return (customer.answered(hour) + fromOrders + prior) / (customer.calls(hour) + fromOrders + priorStrength);
    }

    /**
     * When to place the call: among {@link CallingWindow#openHourStarts} from {@code earliest} within
     * {@code horizon}, the one most likely to be answered. Candidates are taken in time order and a later one
     * replaces the pick only when its probability exceeds the pick's by more than {@link #margin()}, so a flat model
     * calls as soon as possible. When the horizon holds no open time, the window's next opening.
     *
     * @param z the customer's zone; hours of the histograms are local to it
     */
    public Instant pick(Instant earliest, ZoneId z, CallingWindow w, Duration horizon, AnswerHistogram customer,
            AnswerHistogram population) {
        List<Instant> candidates = w.openHourStarts(earliest, horizon, z);
        if (candidates.isEmpty()) {
            return w.nextOpen(earliest, z);
        }
        Instant best = candidates.get(0);
        double bestP = answerProbability(best.atZone(z).getHour(), customer, population);
        for (Instant candidate : candidates.subList(1, candidates.size())) {
            double p = answerProbability(candidate.atZone(z).getHour(), customer, population);
            if (p > bestP + margin) {
                best = candidate;
                bestP = p;
            }
        }
        return best;
    }

    /** The raw answer rate by local hour, for the campaign report. */
    public static List<HourRate> answerRateByHour(AnswerHistogram population) {
        List<HourRate> rates = new ArrayList<>(AnswerHistogram.HOURS);
        for (int h = 0; h < AnswerHistogram.HOURS; h++) {
            long calls = population.calls(h);
            long answered = population.answered(h);
            rates.add(new HourRate(h, calls, answered, calls == 0 ? null : (double) answered / calls));
        }
        return rates;
    }
}
