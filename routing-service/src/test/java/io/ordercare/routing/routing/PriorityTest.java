package io.ordercare.routing.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriorityTest {

    private final Priority priority = Priority.defaults();
    private final Instant t0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void urgencyAndCustomerValueSetTheBasePoints() {
        assertThat(priority.base(Urgency.CRITICAL, CustomerValue.STANDARD)).isGreaterThan(priority.base(Urgency.HIGH,
                CustomerValue.VIP) - 1);
        assertThat(priority.base(Urgency.NORMAL, CustomerValue.VIP)).isGreaterThan(priority.base(Urgency.NORMAL,
                CustomerValue.HIGH_VALUE));
    }

    @Test
    void waitingRaisesThePriorityTwoPointsAMinute() {
        assertThat(priority.at(Urgency.LOW, CustomerValue.STANDARD, t0, t0.plus(Duration.ofMinutes(10)))).isEqualTo(20.0);
    }

    @Test
    void anOldLowHandoffOvertakesANewHighOneOnlyAfterFifteenMinutes() {
        double oldLow = priority.rank(Urgency.LOW, CustomerValue.STANDARD, t0);
        assertThat(priority.rank(Urgency.HIGH, CustomerValue.STANDARD, t0.plus(Duration.ofMinutes(14)))).isGreaterThan(oldLow);
        assertThat(priority.rank(Urgency.HIGH, CustomerValue.STANDARD, t0.plus(Duration.ofMinutes(16)))).isLessThan(oldLow);
    }

    @Test
    void rankOrdersLikeThePriorityAtAnyMoment() {
        Instant lowSince = t0;
        Instant highSince = t0.plus(Duration.ofMinutes(12));
        for (int minutes : new int[] { 12, 20, 600 }) {
            Instant now = t0.plus(Duration.ofMinutes(minutes));
            boolean byPriority = priority.at(Urgency.LOW, CustomerValue.STANDARD, lowSince, now)
                    > priority.at(Urgency.HIGH, CustomerValue.STANDARD, highSince, now);
            boolean byRank = priority.rank(Urgency.LOW, CustomerValue.STANDARD, lowSince)
                    > priority.rank(Urgency.HIGH, CustomerValue.STANDARD, highSince);
            assertThat(byRank).isEqualTo(byPriority);
        }
    }
}
