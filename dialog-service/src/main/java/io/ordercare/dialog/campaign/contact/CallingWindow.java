package io.ordercare.dialog.campaign.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The daily slots, in the customer's local time, when we may call; everything outside them is quiet hours.
 *
 * <p>Written as {@code 09:00-12:00,14:00-18:00,19:00-21:00}: each slot includes its start and excludes its end,
 * slots are in order and neither overlap nor touch (touching slots would make "retry in the next slot" mean
 * "retry now"; write them as one slot).
 *
 * <p>On a day with a DST change each slot is one stretch of real time, from the first moment the local clock
 * reaches its start to the first moment it reaches its end. A start that falls in a spring-forward gap opens at
 * the end of the gap (so 02:30 becomes 03:00, not 03:30); in a fall-back overlap the slot opens and closes at the
 * first occurrence of the times, so the repeated hour is not called twice.
 *
 * @param slots the slots in order, at least one
 */
public record CallingWindow(List<Slot> slots) {

    private static final Pattern SLOT = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");
    /** Past any gap a zone has ever had, so a search that finds nothing means a bug, not a quiet day. */
    private static final int MAX_DAYS = 8;

    /**
     * A slot of the day, start included, end excluded.
     */
    public record Slot(LocalTime start, LocalTime end) {

        public Slot {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("calling slot " + text(start, end) + " must start before it ends");
            }
            if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
                throw new IllegalArgumentException("calling slot " + text(start, end) + " must be in whole minutes");
            }
        }

        @Override
        public String toString() {
            return text(start, end);
        }

        private static String text(LocalTime start, LocalTime end) {
            return start + "-" + end;
        }
    }

    public CallingWindow {
        Objects.requireNonNull(slots, "slots");
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a calling window needs at least one slot, e.g. 09:00-12:00");
        }
        slots = List.copyOf(slots);
        for (int i = 1; i < slots.size(); i++) {
            Slot before = slots.get(i - 1);
            Slot slot = slots.get(i);
            if (slot.start.isBefore(before.start)) {
                throw new IllegalArgumentException("calling slots must be in order: " + slot + " comes after " + before);
            }
            if (slot.start.isBefore(before.end)) {
                throw new IllegalArgumentException("calling slots " + before + " and " + slot + " overlap");
            }
            if (slot.start.equals(before.end)) {
                throw new IllegalArgumentException("calling slots " + before + " and " + slot + " touch; write them as "
                        + new Slot(before.start, slot.end));
            }
        }
    }

    /** Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm...]}; blanks around the parts are ignored. */
    public static CallingWindow parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("a calling window needs at least one slot, e.g. 09:00-12:00");
        }
        List<Slot> slots = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String p = part.replaceAll("\\s", "");
            Matcher m = SLOT.matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("calling slot '" + part.strip() + "' is not HH:mm-HH:mm (in " + spec
                        + ")");
            }
            slots.add(new Slot(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
        }
        return new CallingWindow(slots);
    }

    /** Whether {@code t} lies in a slot, in zone {@code z}. */
    public boolean isOpen(Instant t, ZoneId z) {
        LocalDate day = LocalDate.ofInstant(t, z);
        // the neighbouring days too: a fall-back at midnight can put an instant's local date a day off its slot's
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (Slot slot : slots) {
                Stretch s = stretch(d, slot, z);
                if (!t.isBefore(s.start) && t.isBefore(s.end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code t} when it is open, else the start of the next slot. */
    public Instant nextOpen(Instant t, ZoneId z) {
        return isOpen(t, z) ? t : nextSlotAfter(t, z);
    }

    /**
     * The start of the next slot: after the one that contains {@code t}, or after {@code t} in quiet hours. A call
     * nobody answered is retried here, so the customer is not rung twice in the same slot.
     */
    public Instant nextSlotAfter(Instant t, ZoneId z) {
        LocalDate day = LocalDate.ofInstant(t, z);
        for (LocalDate d = day.minusDays(1); d.isBefore(day.plusDays(MAX_DAYS)); d = d.plusDays(1)) {
            for (Slot slot : slots) {
                Stretch s = stretch(d, slot, z);
                if (s.start.isAfter(t) && s.start.isBefore(s.end)) {
                    return s.start;
                }
            }
        }
        throw new IllegalStateException("no calling slot of " + this + " within " + MAX_DAYS + " days of " + t + " in " + z);
    }

    /**
     * Candidate call times in [{@code from}, {@code from + horizon}]: the start of every open local hour, or of the
     * open part of an hour ({@code from} itself when open, 09:30 for a slot starting then), in order. These are the
     * moments the best-time model chooses among.
     */
    public List<Instant> openHourStarts(Instant from, Duration horizon, ZoneId z) {
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("horizon must not be negative: " + horizon);
        }
        Instant to = from.plus(horizon);
        List<Instant> starts = new ArrayList<>();
        for (LocalDate d = LocalDate.ofInstant(from, z).minusDays(1); ; d = d.plusDays(1)) {
            for (Slot slot : slots) {
                Stretch s = stretch(d, slot, z);
                if (s.start.isAfter(to)) {
                    return starts;
                }
                if (!s.end.isAfter(from)) {
                    continue;
                }
                Instant h = s.start.isAfter(from) ? s.start : from;
                while (h.isBefore(s.end) && !h.isAfter(to)) {
                    starts.add(h);
                    h = h.atZone(z).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
                }
            }
        }
    }

    @Override
    public String toString() {
        return slots.stream().map(Slot::toString).collect(Collectors.joining(","));
    }

    /** One day's occurrence of a slot in real time; empty (start = end) when the slot lies in a DST gap. */
    private record Stretch(Instant start, Instant end) {
    }

    private static Stretch stretch(LocalDate day, Slot slot, ZoneId z) {
        return new Stretch(firstReached(day.atTime(slot.start), z), firstReached(day.atTime(slot.end), z));
    }

    /** The first moment the local clock shows {@code local} or later. */
    private static Instant firstReached(LocalDateTime local, ZoneId z) {
        ZoneOffsetTransition transition = z.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(z).toInstant(); // in an overlap: the earlier offset
    }
}
