package io.ordercare.dialog.platform;

import io.ordercare.stack.OffsetClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The shared test clock ({@link OffsetClock}) as this service's Clock bean: the phone-robot tests set it to a local
 * time of day (calling windows, quiet hours, the best hour) and move it forward instead of waiting hours; every
 * other test runs at offset zero.
 */
@ApplicationScoped
public class TestClock extends OffsetClock {

    /** Moves the clock to the next {@code time} of day in {@code zone} (today when still ahead, else tomorrow). */
    public Instant setLocal(ZoneId zone, LocalTime time) {
        reset();
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime target = now.with(time);
        if (target.isBefore(now)) {
            target = target.plusDays(1);
        }
        advance(Duration.between(now, target));
        return instant();
    }
}
