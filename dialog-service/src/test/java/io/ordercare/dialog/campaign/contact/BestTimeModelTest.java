package io.ordercare.dialog.campaign.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestTimeModelTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CallingWindow WINDOW = CallingWindow.parse("09:00-12:00,14:00-18:00,19:00-21:00");
    private static final Duration DAY = Duration.ofHours(24);
    private static final BestTimeModel MODEL = BestTimeModel.DEFAULT;

    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /**
     * A population answering at rate {@code (answered + 1) / 100} at every hour but those overridden by
     * {@code hourAnswered} pairs (hour, answered).
     */
    private static AnswerHistogram population(long answered, int... hourAnswered) {
        long[] calls = new long[24];
        long[] a = new long[24];
        Arrays.fill(calls, 98);
        Arrays.fill(a, answered);
        for (int i = 0; i < hourAnswered.length; i += 2) {
            a[hourAnswered[i]] = hourAnswered[i + 1];
        }
        return AnswerHistogram.of(calls, a, new long[24]);
    }

    private static final AnswerHistogram FLAT = population(39); // 0.40 at every hour

    @Test
    void theDefaultsAreHalfAnAnsweredCallPerOrderAPriorOfFourCallsAndAMarginOfFivePoints() {
        assertThat(MODEL).isEqualTo(new BestTimeModel(0.5, 4, 0.05));
    }

    @Test
    void aNewCustomerWithoutPopulationDataIsAHalfChance() {
        assertThat(MODEL.answerProbability(10, AnswerHistogram.empty(), AnswerHistogram.empty())).isEqualTo(0.5);
    }

    @Test
    void aNewCustomerGetsThePopulationRate() {
        assertThat(MODEL.answerProbability(10, AnswerHistogram.empty(), FLAT)).isCloseTo(0.40, within(1e-12));
    }

    @Test
    void customerCallsAndOrdersAreWeighedAgainstThePrior() {
        AnswerHistogram customer = AnswerHistogram.empty().plusCall(10, true).plusCall(10, false).plusOrder(10);
        long[] calls = new long[24];
        long[] answered = new long[24];
        calls[10] = 8;
        answered[10] = 2;
        AnswerHistogram population = AnswerHistogram.of(calls, answered, new long[24]); // p = 3/10
        // (1 + 0.5·1 + 4·0.3) / (2 + 0.5·1 + 4)
        assertThat(MODEL.answerProbability(10, customer, population)).isCloseTo(2.7 / 6.5, within(1e-12));
    }

    @Test
    void aNewCustomerWithAFlatPopulationIsCalledAtTheEarliestOpenTime() {
        assertThat(MODEL.pick(sh("2024-05-06T09:10"), SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), FLAT))
                .isEqualTo(sh("2024-05-06T09:10"));
        assertThat(MODEL.pick(sh("2024-05-06T12:30"), SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), FLAT))
                .isEqualTo(sh("2024-05-06T14:00"));
    }

    @Test
    void aCustomerWhoAnswersAndOrdersInTheEveningIsCalledThisEvening() {
        AnswerHistogram customer = AnswerHistogram.empty().plusCall(10, false).plusCall(20, true).plusCall(20, true)
                .plusOrder(20).plusOrder(20).plusOrder(21);
        assertThat(MODEL.pick(sh("2024-05-06T09:00"), SHANGHAI, WINDOW, DAY, customer, FLAT))
                .isEqualTo(sh("2024-05-06T20:00"));
    }

    @Test
    void ordersAloneAreEvidenceOfAvailability() {
        AnswerHistogram customer = AnswerHistogram.empty().plusOrder(20).plusOrder(20).plusOrder(20);
        assertThat(MODEL.pick(sh("2024-05-06T09:00"), SHANGHAI, WINDOW, DAY, customer, FLAT))
                .isEqualTo(sh("2024-05-06T20:00"));
    }

    @Test
    void aNewCustomerIsCalledWhenThePopulationAnswersBest() {
        AnswerHistogram population = population(39, 19, 69); // 0.70 at 19:00, 0.40 elsewhere
        assertThat(MODEL.pick(sh("2024-05-06T09:00"), SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), population))
                .isEqualTo(sh("2024-05-06T19:00"));
    }

    @Test
    void aLaterHourMustBeatTheEarlierPickByTheMargin() {
        Instant nine = sh("2024-05-06T09:00");
        AnswerHistogram slightlyBetter = population(49, 14, 52); // 0.50 everywhere, 0.53 at 14:00
        AnswerHistogram clearlyBetter = population(49, 14, 59); // 0.60 at 14:00
        assertThat(MODEL.pick(nine, SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), slightlyBetter)).isEqualTo(nine);
        assertThat(MODEL.pick(nine, SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), clearlyBetter))
                .isEqualTo(sh("2024-05-06T14:00"));
        assertThat(new BestTimeModel(0.5, 4, 0).pick(nine, SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), slightlyBetter))
                .isEqualTo(sh("2024-05-06T14:00"));
    }

    @Test
    void aLaterHourIsComparedWithThePickNotWithTheHourBeforeIt() {
        // 0.50 at 09:00, 0.53 at 10:00, 0.56 at 11:00: each step is below the margin, 11:00 beats 09:00 by more
        AnswerHistogram rising = population(49, 10, 52, 11, 55);
        assertThat(MODEL.pick(sh("2024-05-06T09:00"), SHANGHAI, WINDOW, DAY, AnswerHistogram.empty(), rising))
                .isEqualTo(sh("2024-05-06T11:00"));
    }

    @Test
    void theHorizonLimitsHowLongWeWaitForABetterHour() {
        AnswerHistogram population = population(39, 19, 69);
        Instant nine = sh("2024-05-06T09:00");
        Instant picked = MODEL.pick(nine, SHANGHAI, WINDOW, Duration.ofHours(3), AnswerHistogram.empty(), population);
        assertThat(picked).isEqualTo(nine);
        assertThat(MODEL.pick(nine, SHANGHAI, WINDOW, Duration.ofHours(10), AnswerHistogram.empty(), population))
                .isEqualTo(sh("2024-05-06T19:00"));
    }

    @Test
    void withNoOpenTimeInTheHorizonTheCallWaitsForTheNextSlot() {
        assertThat(MODEL.pick(sh("2024-05-06T21:30"), SHANGHAI, WINDOW, Duration.ofHours(1), AnswerHistogram.empty(), FLAT))
                .isEqualTo(sh("2024-05-07T09:00"));
    }

    @Test
    void hoursAreTheCustomersLocalHours() {
        AnswerHistogram customer = AnswerHistogram.empty().plusCall(19, true).plusCall(19, true).plusOrder(19);
        Instant morningInNewYork = LocalDateTime.parse("2024-05-06T09:00").atZone(NEW_YORK).toInstant();
        assertThat(MODEL.pick(morningInNewYork, NEW_YORK, WINDOW, DAY, customer, FLAT))
                .isEqualTo(LocalDateTime.parse("2024-05-06T19:00").atZone(NEW_YORK).toInstant());
    }

    @Test
    void answerRateByHourLeavesHoursWithoutCallsEmpty() {
        AnswerHistogram population = AnswerHistogram.empty().plusCall(10, true).plusCall(10, true).plusCall(10, true)
                .plusCall(10, false).plusCall(11, false);
        List<HourRate> rates = BestTimeModel.answerRateByHour(population);
        assertThat(rates).hasSize(24);
        assertThat(rates.get(10)).isEqualTo(new HourRate(10, 4, 3, 0.75));
        assertThat(rates.get(11)).isEqualTo(new HourRate(11, 1, 0, 0.0));
        assertThat(rates.get(3)).isEqualTo(new HourRate(3, 0, 0, null));
    }

    @Test
    void rejectsParametersThatMakeNoEstimate() {
        assertThatThrownBy(() -> new BestTimeModel(0.5, 0, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priorStrength");
        assertThatThrownBy(() -> new BestTimeModel(-1, 4, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderWeight");
        assertThatThrownBy(() -> new BestTimeModel(0.5, 4, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
        assertThatThrownBy(() -> MODEL.answerProbability(24, AnswerHistogram.empty(), FLAT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hour must be 0-23");
    }
}
