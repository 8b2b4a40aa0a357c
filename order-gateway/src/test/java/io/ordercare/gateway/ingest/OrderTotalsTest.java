package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTotalsTest {

    @Test
    void sharesFollowTheWeightsAndAddUpExactly() {
        long[] shares = OrderTotals.proportionalShares(1000, weights(1, 1, 1));

        assertThat(shares).containsExactly(334, 333, 333);
    }

    @Test
    void sharesOfZeroWeightsAreEven() {
        assertThat(OrderTotals.proportionalShares(10, weights(0, 0))).containsExactly(5, 5);
    }

    @Test
    void noLinesGetNoShares() {
        assertThat(OrderTotals.proportionalShares(10, List.of())).isEmpty();
    }

    @Test
    void perUnitRoundsHalfUp() {
        assertThat(OrderTotals.perUnit(1001, 2)).isEqualTo(501);
        assertThat(OrderTotals.perUnit(1000, 3)).isEqualTo(333);
    }

    private static List<BigInteger> weights(long... weights) {
        return Arrays.stream(weights).mapToObj(BigInteger::valueOf).toList();
    }
}
