package io.ordercare.returns.refund;

import java.util.ArrayList;
import java.util.List;

/**
 * The money of an order as refunds see it: the lines at the unit price charged per item, an order-level discount
 * (coupon) not yet in those prices, and the outbound shipping. Each line's net worth is its value less its share
 * of the order-level discount (in proportion to line value, largest remainder), and each line carries a share of
 * the shipping in proportion to its net worth; both splits add up exactly.
 */
public record OrderMoney(List<Line> lines, long orderDiscountMinor, long shippingMinor) {

    public record Line(long itemId, int quantity, long unitPriceMinor) {

        long value() {
            return Math.multiplyExact(unitPriceMinor, (long) quantity);
        }
    }

    /** What one line is worth after the order-level discount, and its share of shipping. */
    public record LineWorth(long itemId, int quantity, long netMinor, long shippingMinor) {
    }

    /**
     * From what order-gateway keeps: unit prices already net of the platform's allocated discounts, and the total
     * paid. A total below the lines' value is an order-level discount the platform did not allocate (or the
     * rounding of its per-unit prices); a total above it is shipping.
     */
    public static OrderMoney fromPaid(List<Line> lines, long totalMinor) {
        long value = lines.stream().mapToLong(Line::value).sum();
        return totalMinor >= value ? new OrderMoney(lines, 0, totalMinor - value)
                : new OrderMoney(lines, value - totalMinor, 0);
    }

    public long goodsMinor() {
        return lines.stream().mapToLong(Line::value).sum() - orderDiscountMinor;
    }

    public List<LineWorth> worth() {
        long[] values = lines.stream().mapToLong(Line::value).toArray();
        long[] discounts = Proration.split(orderDiscountMinor, values);
        long[] net = new long[values.length];
        for (int i = 0; i < net.length; i++) {
            net[i] = values[i] - discounts[i];
        }
        long[] shipping = Proration.split(shippingMinor, net);
        List<LineWorth> out = new ArrayList<>();
        for (int i = 0; i < net.length; i++) {
            out.add(new LineWorth(lines.get(i).itemId(), lines.get(i).quantity(), net[i], shipping[i]));
        }
        return out;
    }

    /** A refund line: some units of one item, with their share of the shipping when the policy refunds it. */
    public record RefundLine(long itemId, int quantity, long amountMinor, long shippingMinor) {

        public long totalMinor() {
            return amountMinor + shippingMinor;
        }
    }

    /**
     * The refund of {@code quantity} units of an item of which {@code already} units were refunded before.
     */
    public RefundLine refund(long itemId, int already, int quantity, boolean withShipping) {
        LineWorth w = worth().stream().filter(x -> x.itemId() == itemId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("item " + itemId + " is not in the order"));
        return new RefundLine(itemId, quantity, Proration.units(w.netMinor(), w.quantity(), already, quantity),
                withShipping ? Proration.units(w.shippingMinor(), w.quantity(), already, quantity) : 0);
    }
}
