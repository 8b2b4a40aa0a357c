package io.ordercare.dialog.campaign.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CallingWindow WINDOW = CallingWindow.parse("09:00-12:00,14:00-18:00,19:00-21:00");

    /** A local time in Shanghai. */
    private static Instant sh(String localDateTime) {
        return at(localDateTime, SHANGHAI);
    }

    private static Instant at(String localDateTime, ZoneId z) {
        return LocalDateTime.parse(localDateTime).atZone(z).toInstant();
    }

    @Test
    void parsesAndPrintsTheSameSpec() {
        CallingWindow w = CallingWindow.parse(" 09:00-12:00 , 14:00 - 18:00,19:00-21:00");
        assertThat(w.slots()).hasSize(3);
        assertThat(w).hasToString("09:00-12:00,14:00-18:00,19:00-21:00").isEqualTo(WINDOW);
    }

    @Test
    void rejectsSlotsThatAreNotHoursAndMinutes() {
        assertThatThrownBy(() -> CallingWindow.parse("9-12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'9-12' is not HH:mm-HH:mm");
        assertThatThrownBy(() -> CallingWindow.parse("09:00-24:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not HH:mm-HH:mm");
        assertThatThrownBy(() -> CallingWindow.parse("09:00-12:00,")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'' is not HH:mm-HH:mm");
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> CallingWindow.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one slot");
    }

    @Test
    void rejectsASlotThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> CallingWindow.parse("12:00-09:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calling slot 12:00-09:00 must start before it ends");
        assertThatThrownBy(() -> CallingWindow.parse("09:00-09:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calling slot 09:00-09:00 must start before it ends");
    }

    @Test
    void rejectsSlotsOutOfOrderOverlappingOrTouching() {
        assertThatThrownBy(() -> CallingWindow.parse("14:00-18:00,09:00-12:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calling slots must be in order: 09:00-12:00 comes after 14:00-18:00");
        assertThatThrownBy(() -> CallingWindow.parse("09:00-12:00,11:00-13:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calling slots 09:00-12:00 and 11:00-13:00 overlap");
        assertThatThrownBy(() -> CallingWindow.parse("09:00-12:00,12:00-14:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calling slots 09:00-12:00 and 12:00-14:00 touch; write them as 09:00-14:00");
    }

    @Test
    void isOpenInsideSlotsStartIncludedEndExcluded() {
        assertThat(WINDOW.isOpen(sh("2024-05-06T09:00"), SHANGHAI)).isTrue();
        assertThat(WINDOW.isOpen(sh("2024-05-06T11:59:59"), SHANGHAI)).isTrue();
        assertThat(WINDOW.isOpen(sh("2024-05-06T12:00"), SHANGHAI)).isFalse();
        assertThat(WINDOW.isOpen(sh("2024-05-06T13:00"), SHANGHAI)).isFalse();
        assertThat(WINDOW.isOpen(sh("2024-05-06T20:30"), SHANGHAI)).isTrue();
        assertThat(WINDOW.isOpen(sh("2024-05-06T21:00"), SHANGHAI)).isFalse();
        assertThat(WINDOW.isOpen(sh("2024-05-06T03:00"), SHANGHAI)).isFalse();
    }

    @Test
    void openIsJudgedInTheCustomersZone() {
        Instant nineInShanghai = sh("2024-05-06T09:30"); // 21:30 in New York the evening before
        assertThat(WINDOW.isOpen(nineInShanghai, SHANGHAI)).isTrue();
        assertThat(WINDOW.isOpen(nineInShanghai, NEW_YORK)).isFalse();
    }

    @Test
    void nextOpenIsNowWhenOpen() {
        Instant t = sh("2024-05-06T10:17");
        assertThat(WINDOW.nextOpen(t, SHANGHAI)).isEqualTo(t);
    }

    @Test
    void nextOpenInQuietHoursIsTheStartOfTheNextSlot() {
        assertThat(WINDOW.nextOpen(sh("2024-05-06T07:00"), SHANGHAI)).isEqualTo(sh("2024-05-06T09:00"));
        assertThat(WINDOW.nextOpen(sh("2024-05-06T12:30"), SHANGHAI)).isEqualTo(sh("2024-05-06T14:00"));
        assertThat(WINDOW.nextOpen(sh("2024-05-06T21:00"), SHANGHAI)).isEqualTo(sh("2024-05-07T09:00"));
        assertThat(WINDOW.nextOpen(sh("2024-05-06T23:59"), SHANGHAI)).isEqualTo(sh("2024-05-07T09:00"));
    }

    @Test
    void nextSlotAfterTheMorningSlotIsTheAfternoonSlot() {
        assertThat(WINDOW.nextSlotAfter(sh("2024-05-06T09:00"), SHANGHAI)).isEqualTo(sh("2024-05-06T14:00"));
        assertThat(WINDOW.nextSlotAfter(sh("2024-05-06T11:45"), SHANGHAI)).isEqualTo(sh("2024-05-06T14:00"));
    }

    @Test
    void nextSlotAfterTheLastSlotIsTomorrowMorning() {
        assertThat(WINDOW.nextSlotAfter(sh("2024-05-06T19:00"), SHANGHAI)).isEqualTo(sh("2024-05-07T09:00"));
        assertThat(WINDOW.nextSlotAfter(sh("2024-05-06T20:59"), SHANGHAI)).isEqualTo(sh("2024-05-07T09:00"));
    }

    @Test
    void nextSlotAfterQuietHoursIsTheNextSlot() {
        assertThat(WINDOW.nextSlotAfter(sh("2024-05-06T13:00"), SHANGHAI)).isEqualTo(sh("2024-05-06T14:00"));
        assertThat(WINDOW.nextSlotAfter(sh("2024-05-06T02:00"), SHANGHAI)).isEqualTo(sh("2024-05-06T09:00"));
    }

    @Test
    void openHourStartsBeginAtFromWhenOpenAndSkipQuietHours() {
        assertThat(WINDOW.openHourStarts(sh("2024-05-06T11:20"), Duration.ofHours(10), SHANGHAI)).containsExactly(
                sh("2024-05-06T11:20"), sh("2024-05-06T14:00"), sh("2024-05-06T15:00"), sh("2024-05-06T16:00"),
                sh("2024-05-06T17:00"), sh("2024-05-06T19:00"), sh("2024-05-06T20:00"));
    }

    @Test
    void openHourStartsIncludeTheOpenPartOfAnHour() {
        CallingWindow w = CallingWindow.parse("09:30-11:00");
        assertThat(w.openHourStarts(sh("2024-05-06T08:00"), Duration.ofHours(6), SHANGHAI))
                .containsExactly(sh("2024-05-06T09:30"), sh("2024-05-06T10:00"));
    }

    @Test
    void openHourStartsStayWithinTheHorizonBothEndsIncluded() {
        assertThat(WINDOW.openHourStarts(sh("2024-05-06T12:00"), Duration.ofHours(2), SHANGHAI))
                .containsExactly(sh("2024-05-06T14:00"));
        assertThat(WINDOW.openHourStarts(sh("2024-05-06T21:00"), Duration.ofHours(11), SHANGHAI)).isEmpty();
        assertThat(WINDOW.openHourStarts(sh("2024-05-06T10:00"), Duration.ZERO, SHANGHAI))
                .containsExactly(sh("2024-05-06T10:00"));
        assertThatThrownBy(() -> WINDOW.openHourStarts(sh("2024-05-06T10:00"), Duration.ofHours(-1), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openHourStartsRunIntoFollowingDays() {
        assertThat(WINDOW.openHourStarts(sh("2024-05-06T20:30"), Duration.ofHours(14), SHANGHAI))
                .containsExactly(sh("2024-05-06T20:30"), sh("2024-05-07T09:00"), sh("2024-05-07T10:00"));
    }

    @Test
    void slotsFollowLocalTimeAcrossSpringForward() {
        // New York, Sunday 2024-03-10: 02:00 EST jumps to 03:00 EDT
        Instant saturdayNight = at("2024-03-09T22:00", NEW_YORK);
        assertThat(WINDOW.nextOpen(saturdayNight, NEW_YORK)).isEqualTo(Instant.parse("2024-03-10T13:00:00Z"));
        assertThat(WINDOW.nextSlotAfter(at("2024-03-09T19:30", NEW_YORK), NEW_YORK))
                .isEqualTo(Instant.parse("2024-03-10T13:00:00Z"));
        assertThat(WINDOW.isOpen(Instant.parse("2024-03-10T13:30:00Z"), NEW_YORK)).isTrue();
        assertThat(WINDOW.isOpen(Instant.parse("2024-03-10T12:30:00Z"), NEW_YORK)).isFalse(); // 08:30 EDT
    }

    @Test
    void slotsFollowLocalTimeAcrossFallBack() {
        // New York, Sunday 2024-11-03: 02:00 EDT falls back to 01:00 EST
        Instant saturdayNight = at("2024-11-02T22:00", NEW_YORK);
        assertThat(WINDOW.nextOpen(saturdayNight, NEW_YORK)).isEqualTo(Instant.parse("2024-11-03T14:00:00Z"));
        assertThat(WINDOW.isOpen(Instant.parse("2024-11-03T13:30:00Z"), NEW_YORK)).isFalse(); // 08:30 EST
    }

    @Test
    void aSlotStartingInTheSpringForwardGapOpensWhenTheGapEnds() {
        CallingWindow w = CallingWindow.parse("02:30-04:00");
        Instant midnight = at("2024-03-10T00:00", NEW_YORK);
        Instant threeEdt = Instant.parse("2024-03-10T07:00:00Z");
        assertThat(w.nextOpen(midnight, NEW_YORK)).isEqualTo(threeEdt);
        assertThat(w.isOpen(threeEdt.plusSeconds(600), NEW_YORK)).isTrue();
        assertThat(w.isOpen(threeEdt.minusSeconds(1), NEW_YORK)).isFalse(); // 01:59:59 EST
    }

    @Test
    void aSlotInsideTheSpringForwardGapIsSkippedThatDay() {
        CallingWindow w = CallingWindow.parse("02:10-02:50,09:00-10:00");
        assertThat(w.nextOpen(at("2024-03-10T00:00", NEW_YORK), NEW_YORK)).isEqualTo(at("2024-03-10T09:00", NEW_YORK));
        assertThat(w.nextOpen(at("2024-03-11T00:00", NEW_YORK), NEW_YORK)).isEqualTo(at("2024-03-11T02:10", NEW_YORK));
    }

    @Test
    void openHourStartsCountRealHoursAcrossDstChanges() {
        CallingWindow night = CallingWindow.parse("00:00-04:00");
        // spring: 00:00 EST, 01:00 EST, 03:00 EDT — the 02:00 hour does not exist
        assertThat(night.openHourStarts(at("2024-03-10T00:00", NEW_YORK), Duration.ofHours(5), NEW_YORK)).containsExactly(
                Instant.parse("2024-03-10T05:00:00Z"), Instant.parse("2024-03-10T06:00:00Z"),
                Instant.parse("2024-03-10T07:00:00Z"));
        // fall: 00:00 EDT, 01:00 EDT, 01:00 EST, 02:00 EST, 03:00 EST — the 01:00 hour happens twice
        assertThat(night.openHourStarts(at("2024-11-03T00:00", NEW_YORK), Duration.ofHours(6), NEW_YORK)).containsExactly(
                Instant.parse("2024-11-03T04:00:00Z"), Instant.parse("2024-11-03T05:00:00Z"),
                Instant.parse("2024-11-03T06:00:00Z"), Instant.parse("2024-11-03T07:00:00Z"),
                Instant.parse("2024-11-03T08:00:00Z"));
    }
}
