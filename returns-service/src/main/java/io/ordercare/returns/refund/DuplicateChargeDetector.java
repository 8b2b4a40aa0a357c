package io.ordercare.returns.refund;

import io.ordercare.returns.order.OrderFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds charges an order was charged twice for. The successful charges of all its payments are taken in time
 * order; a charge that brings what was collected (less what was refunded) above the order total and repeats the
 * amount of an earlier charge is a duplicate. A split payment (two different amounts adding up to the total) is
 * not a duplicate.
 */
public final class DuplicateChargeDetector {

    /** One duplicate charge: the payment it was taken on and its provider reference (or position). */
    public record Duplicate(long paymentId, String method, String chargeRef, long amountMinor, Instant at) {
    }

    private DuplicateChargeDetector() {
    }

    public static List<Duplicate> detect(OrderFacts order) {
        record Charge(OrderFacts.Payment payment, OrderFacts.Transaction tx, int position) {
        }
        List<Charge> charges = new ArrayList<>();
        long refunded = 0;
        for (OrderFacts.Payment p : order.payments()) {
            for (int i = 0; i < p.transactions().size(); i++) {
                OrderFacts.Transaction t = p.transactions().get(i);
                if (!"SUCCEEDED".equals(t.status())) {
                    continue;
                }
                if ("CHARGE".equals(t.kind())) {
                    charges.add(new Charge(p, t, i));
                } else if ("REFUND".equals(t.kind())) {
                    refunded += t.amountMinor();
                }
            }
        }
        charges.sort(Comparator.comparing((Charge c) -> c.tx().at() == null ? Instant.EPOCH : c.tx().at())
                .thenComparingLong(c -> c.payment().id()).thenComparingInt(Charge::position));
        List<Duplicate> duplicates = new ArrayList<>();
        List<Long> seenAmounts = new ArrayList<>();
        long collected = -refunded;
        for (Charge c : charges) {
            long amount = c.tx().amountMinor();
            collected += amount;
            if (collected > order.totalMinor() && seenAmounts.contains(amount)) {
                String ref = c.tx().providerRef() == null || c.tx().providerRef().isBlank()
                        ? "payment-" + c.payment().id() + "-tx-" + c.position() : c.tx().providerRef();
                duplicates.add(new Duplicate(c.payment().id(), c.payment().method(), ref, amount, c.tx().at()));
                collected -= amount; // refunded below: it no longer counts as collected
            }
            seenAmounts.add(amount);
        }
        return duplicates;
    }
}
