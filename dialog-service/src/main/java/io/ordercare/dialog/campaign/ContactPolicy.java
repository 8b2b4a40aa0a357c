package io.ordercare.dialog.campaign;

import io.ordercare.dialog.campaign.contact.BestTimeModel;
import io.ordercare.dialog.campaign.contact.CallingWindow;
import io.ordercare.dialog.campaign.contact.TimeZones;
import io.ordercare.proto.order.v1.Address;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a customer may be contacted: inside the campaign's calling slots in the customer's own time zone, in the
 * hour they are likeliest to answer (when the campaign uses the best-time model), and after an unanswered attempt
 * not before the retry spacing has passed and not in the same slot again.
 */
@ApplicationScoped
public class ContactPolicy {

    @Inject
    CallsConfig config;

    @Inject
    ContactBook contacts;

    private final Map<String, CallingWindow> windows = new ConcurrentHashMap<>();

    public CallingWindow window(Campaign c) {
        return windows.computeIfAbsent(c.callingWindow, CallingWindow::parse);
    }

    public ZoneId zoneOf(Address a) {
        return TimeZones.of(a.getCountry(), a.getProvince(), a.getCity(), ZoneId.of(config.defaultZone()));
    }

    /** The first attempt: the likeliest open hour within the horizon, or the first open moment. */
    public Uni<Instant> firstAttempt(Campaign c, String phone, ZoneId zone, Instant now) {
        return place(c, phone, zone, window(c).nextOpen(now, zone), now);
    }

    /** After an attempt that reached nobody: the next calling slot, at least the retry spacing later. */
    public Uni<Instant> retryAt(Campaign c, String phone, ZoneId zone, Instant now) {
        CallingWindow w = window(c);
        Instant spaced = now.plus(Duration.ofSeconds(c.retrySpacingSeconds));
        Instant nextSlot = w.nextSlotAfter(now, zone);
        Instant earliest = w.nextOpen(spaced.isAfter(nextSlot) ? spaced : nextSlot, zone);
        return place(c, phone, zone, earliest, now);
    }

    private Uni<Instant> place(Campaign c, String phone, ZoneId zone, Instant earliest, Instant now) {
        if (!c.bestTime) {
            return Uni.createFrom().item(earliest);
        }
        CallingWindow w = window(c);
        return contacts.histogram(phone).chain(mine -> contacts.population(now)
                .map(all -> BestTimeModel.DEFAULT.pick(earliest, zone, w, config.bestTimeHorizon(), mine, all)));
    }
}
