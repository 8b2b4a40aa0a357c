package io.ordercare.dialog.campaign.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerHistogramTest {

    @Test
    void plusReturnsANewHistogramAndLeavesTheOriginal() {
        AnswerHistogram empty = AnswerHistogram.empty();
        AnswerHistogram h = empty.plusCall(20, true).plusCall(20, false).plusOrder(21);
        assertThat(h.calls(20)).isEqualTo(2);
        assertThat(h.answered(20)).isEqualTo(1);
        assertThat(h.orders(21)).isEqualTo(1);
        assertThat(empty.calls(20)).isZero();
        assertThat(empty.orders(21)).isZero();
    }

    @Test
    void ofCopiesTheStoredCounts() {
        long[] calls = new long[24];
        calls[9] = 5;
        long[] answered = new long[24];
        answered[9] = 2;
        long[] orders = new long[24];
        AnswerHistogram h = AnswerHistogram.of(calls, answered, orders);
        calls[9] = 99;
        assertThat(h.calls(9)).isEqualTo(5);
        assertThat(h.callsByHour()[9]).isEqualTo(5);
        assertThat(h).isEqualTo(AnswerHistogram.empty().plusCall(9, true).plusCall(9, true).plusCall(9, false)
                .plusCall(9, false).plusCall(9, false));
    }

    @Test
    void plusAddsHourByHour() {
        AnswerHistogram a = AnswerHistogram.empty().plusCall(9, true).plusOrder(20);
        AnswerHistogram b = AnswerHistogram.empty().plusCall(9, false).plusOrder(20);
        AnswerHistogram sum = a.plus(b);
        assertThat(sum.calls(9)).isEqualTo(2);
        assertThat(sum.answered(9)).isEqualTo(1);
        assertThat(sum.orders(20)).isEqualTo(2);
    }

    @Test
    void rejectsCountsThatCannotBe() {
        long[] ok = new long[24];
        assertThatThrownBy(() -> AnswerHistogram.of(new long[23], ok, ok)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calls needs 24 hourly counts, got 23");
        long[] negative = new long[24];
        negative[3] = -1;
        assertThatThrownBy(() -> AnswerHistogram.of(ok, ok, negative)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orders at hour 3 is negative: -1");
        long[] answered = new long[24];
        answered[8] = 1;
        assertThatThrownBy(() -> AnswerHistogram.of(ok, answered, ok)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hour 8 has 1 answered of 0 calls");
        assertThatThrownBy(() -> AnswerHistogram.empty().plusCall(24, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hour must be 0-23: 24");
    }
}
