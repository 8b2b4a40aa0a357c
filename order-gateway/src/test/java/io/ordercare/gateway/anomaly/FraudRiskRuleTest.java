package io.ordercare.gateway.anomaly;

import static io.ordercare.gateway.anomaly.OrderFactsBuilder.NOW;
import static io.ordercare.gateway.anomaly.OrderFactsBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FraudRiskRuleTest {

    private static final CustomerHistory LOYAL = new CustomerHistory(NOW.minus(Duration.ofDays(400)), 6,
            Set.of("杭州市"));
    private static final CustomerHistory SIGNED_UP_AN_HOUR_AGO = new CustomerHistory(NOW.minus(Duration.ofHours(1)),
            0, Set.of());

    private final FraudRiskRule rule = new FraudRiskRule();

    @Test
    void oneFraudSignalAloneIsNotEnough() {
        OrderFacts facts = anOrder().customer(LOYAL).totalMinor(680_000).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void newAccountPlacingAHighValueOrderIsFlagged() {
        OrderFacts facts = anOrder().customer(SIGNED_UP_AN_HOUR_AGO).totalMinor(680_000).build();

        assertThat(check(facts)).contains(new Anomaly(FlagKind.FRAUD_RISK,
                "fraud signals: new account or first order, high value 6800.00 CNY"));
    }

    @Test
    void highValueShippedToAnUnusualCityIsFlagged() {
        OrderFacts facts = anOrder().customer(LOYAL).totalMinor(680_000).shippingCity("深圳市").build();

        assertThat(check(facts)).map(Anomaly::detail)
                .contains("fraud signals: high value 6800.00 CNY, shipping city not among usual cities");
    }

    @Test
    void recentlySeenAccountIsNewEvenWithPreviousOrders() {
        CustomerHistory recent = new CustomerHistory(NOW.minus(Duration.ofHours(23)), 2, Set.of("杭州市"));
        OrderFacts facts = anOrder().customer(recent).totalMinor(680_000).build();

        assertThat(check(facts)).isPresent();
    }

    @Test
    void accountOlderThanTheNewAccountAgeIsNotNew() {
        CustomerHistory dayOld = new CustomerHistory(NOW.minus(Duration.ofHours(25)), 2, Set.of("杭州市"));
        OrderFacts facts = anOrder().customer(dayOld).totalMinor(680_000).build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void firstOrderOfAnOldAccountCountsAsNew() {
        CustomerHistory oldButNeverOrdered = new CustomerHistory(NOW.minus(Duration.ofDays(90)), 0, Set.of());
        OrderFacts facts = anOrder().customer(oldButNeverOrdered).totalMinor(680_000).build();

        assertThat(check(facts)).isPresent();
    }

    @Test
    void highValueStartsAtTheThreshold() {
        OrderFacts facts = anOrder().customer(SIGNED_UP_AN_HOUR_AGO).totalMinor(500_000).build();

        assertThat(check(facts)).isPresent();
    }

    @Test
    void cityCannotBeUnusualWithoutHistory() {
        OrderFacts facts = anOrder().customer(SIGNED_UP_AN_HOUR_AGO).shippingCity("深圳市").build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void cityWrittenWithOrWithoutItsSuffixIsTheSameCity() {
        OrderFacts facts = anOrder().customer(LOYAL).totalMinor(680_000).shippingCity(" 杭州 ").build();

        assertThat(check(facts)).isEmpty();
    }

    @Test
    void allThreeSignalsAreNamed() {
        CustomerHistory newWithHistory = new CustomerHistory(NOW.minus(Duration.ofHours(2)), 1, Set.of("Shanghai"));
        OrderFacts facts = anOrder().customer(newWithHistory).totalMinor(680_000).shippingCity("Urumqi").build();

        assertThat(check(facts)).map(Anomaly::detail).contains("fraud signals: new account or first order, "
                + "high value 6800.00 CNY, shipping city not among usual cities");
    }

    private Optional<Anomaly> check(OrderFacts facts) {
        return rule.check(facts, AnomalyThresholds.defaults());
    }
}
