package io.ordercare.returns.priceprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceProtectionRuleTest {

    static final Instant PLACED = Instant.parse("2026-11-11T00:00:00Z");

    @Test
    void aDropWithinTheWindowRefundsTheDifferenceForEveryUnitKept() {
        var d = PriceProtectionRule.decide(30, PLACED, PLACED.plus(Duration.ofDays(10)), 53955, 49900, 2);
        assertThat(d.outcome()).isEqualTo(PriceProtectionRule.Outcome.REFUND);
        assertThat(d.differencePerUnitMinor()).isEqualTo(4055);
        assertThat(d.amountMinor()).isEqualTo(8110);
    }

    @Test
    void afterTheWindowNothingIsRefunded() {
        assertThat(PriceProtectionRule.decide(7, PLACED, PLACED.plus(Duration.ofDays(8)), 100, 50, 1).outcome())
                .isEqualTo(PriceProtectionRule.Outcome.WINDOW_PASSED);
    }

    @Test
    void noDropNoCoverOrNothingKeptRefundNothing() {
        assertThat(PriceProtectionRule.decide(7, PLACED, PLACED, 100, 100, 1).outcome())
                .isEqualTo(PriceProtectionRule.Outcome.NO_PRICE_DROP);
        assertThat(PriceProtectionRule.decide(0, PLACED, PLACED, 100, 50, 1).outcome())
                .isEqualTo(PriceProtectionRule.Outcome.NOT_COVERED);
        assertThat(PriceProtectionRule.decide(7, PLACED, PLACED, 100, 50, 0).outcome())
                .isEqualTo(PriceProtectionRule.Outcome.NOTHING_KEPT);
    }
}
