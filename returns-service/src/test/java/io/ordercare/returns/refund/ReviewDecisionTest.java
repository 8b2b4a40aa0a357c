package io.ordercare.returns.refund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewDecisionTest {

    @Test
    void aRefundUpToTheThresholdIsPaidWithoutReview() {
        assertThat(ReviewDecision.review(300000, 300000, false)).isNull();
    }

    @Test
    void aRefundAboveTheThresholdWaitsForReview() {
        assertThat(ReviewDecision.review(300001, 300000, false)).isEqualTo("AMOUNT_ABOVE_THRESHOLD");
    }

    @Test
    void anyRefundDecidedWhileADependencyIsDegradedWaitsForReview() {
        assertThat(ReviewDecision.review(1, 300000, true)).isEqualTo("DEPENDENCY_DEGRADED");
    }
}
