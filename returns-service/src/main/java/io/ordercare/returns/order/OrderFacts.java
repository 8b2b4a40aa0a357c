package io.ordercare.returns.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What returns-service needs of an order, read from order-gateway. order-gateway keeps, per item, the unit price
 * the customer paid after the platform's own discount allocation and the list price, and the order total
 * (goods after discounts, plus shipping); it keeps no separate coupon or shipping fields, so
 * {@link io.ordercare.returns.refund.OrderMoney#fromPaid} derives them from those.
 *
 * @param deliveredAt when the order reached the customer: the commit time of its change to DELIVERED as recorded
 *        from {@code order.changes}; before that event arrives (order-gateway keeps no delivery timestamp), the time
 *        of its last change while DELIVERED or COMPLETED; null before delivery
 */
public record OrderFacts(String id, String platform, String status, Instant placedAt, Instant deliveredAt,
        String currency, long totalMinor, List<Item> items, List<Payment> payments) {

    public record Item(long id, String sku, String name, String category, int quantity, long unitPriceMinor,
            long listPriceMinor) {
    }

    public record Payment(long id, String method, String status, long amountMinor, List<Transaction> transactions) {
    }

    public record Transaction(String kind, String status, long amountMinor, String providerRef, Instant at) {
    }

    public Optional<Item> item(long itemId) {
        return items.stream().filter(i -> i.id() == itemId).findFirst();
    }

    public boolean delivered() {
        return "DELIVERED".equals(status) || "COMPLETED".equals(status);
    }

    /** The method the order was paid with (refunds go back to it); null when nothing was paid. */
    public String paymentMethod() {
        return payments.stream().filter(p -> p.transactions().stream().anyMatch(t -> "CHARGE".equals(t.kind())
                && "SUCCEEDED".equals(t.status()))).map(Payment::method).findFirst()
                .orElse(payments.isEmpty() ? null : payments.get(0).method());
    }
}
