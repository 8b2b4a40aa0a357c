package io.ordercare.returns.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationTest {

    @Test
    void partsOfASplitAddUpToTheAmountToTheCent() {
        long[] parts = Proration.split(1000, new long[] { 1, 1, 1 });
        assertThat(parts).containsExactly(334, 333, 333);
        assertThat(Proration.split(9999, new long[] { 9999, 3333, 7 })).satisfies(p ->
                assertThat(p[0] + p[1] + p[2]).isEqualTo(9999));
    }

    @Test
    void anOrderLevelCouponIsProratedByLineValueAndTheLinesAddUpToWhatWasPaid() {
        // 3 × 33.33 + 1 × 19.99 + 2 × 7.77 = 135.52, coupon 10.00 → paid 125.52
        OrderMoney order = new OrderMoney(List.of(new OrderMoney.Line(1, 3, 3333), new OrderMoney.Line(2, 1, 1999),
                new OrderMoney.Line(3, 2, 777)), 1000, 0);
        List<OrderMoney.LineWorth> worth = order.worth();
        // coupon shares 737.84.. / 147.50.. / 114.66.. → 738, 147, 115 by largest remainder
        assertThat(worth).extracting(OrderMoney.LineWorth::netMinor).containsExactly(9999L - 738, 1999L - 147, 1554L - 115);
        assertThat(worth.stream().mapToLong(OrderMoney.LineWorth::netMinor).sum()).isEqualTo(12552);
    }

    @Test
    void partialQuantitiesRefundedInAnyOrderAddUpToTheLine() {
        OrderMoney order = new OrderMoney(List.of(new OrderMoney.Line(1, 3, 3333), new OrderMoney.Line(2, 1, 1999),
                new OrderMoney.Line(3, 2, 777)), 1000, 0);
        long first = order.refund(1, 0, 1, false).amountMinor();
        long rest = order.refund(1, 1, 2, false).amountMinor();
        assertThat(first).isEqualTo(3087); // 9261 / 3
        assertThat(first + rest).isEqualTo(9261);
        long one = order.refund(3, 0, 1, false).amountMinor();
        long two = order.refund(3, 1, 1, false).amountMinor();
        assertThat(one + two).isEqualTo(1439);
        assertThat(one).isEqualTo(719);
    }

    @Test
    void shippingIsRefundedOnlyWhenAskedAndInShareOfTheLine() {
        OrderMoney order = new OrderMoney(List.of(new OrderMoney.Line(1, 1, 10000), new OrderMoney.Line(2, 1, 5000)),
                0, 1200);
        assertThat(order.refund(1, 0, 1, false).shippingMinor()).isZero();
        assertThat(order.refund(1, 0, 1, true).shippingMinor()).isEqualTo(800);
        assertThat(order.refund(2, 0, 1, true).shippingMinor()).isEqualTo(400);
    }

    @Test
    void fromWhatWasPaidATotalBelowTheLinesIsADiscountAndAboveIsShipping() {
        List<OrderMoney.Line> lines = List.of(new OrderMoney.Line(1, 2, 1000), new OrderMoney.Line(2, 1, 501));
        assertThat(OrderMoney.fromPaid(lines, 2500)).satisfies(m -> {
            assertThat(m.orderDiscountMinor()).isEqualTo(1);
            assertThat(m.shippingMinor()).isZero();
            assertThat(m.goodsMinor()).isEqualTo(2500);
        });
        assertThat(OrderMoney.fromPaid(lines, 3701).shippingMinor()).isEqualTo(1200);
    }
}
