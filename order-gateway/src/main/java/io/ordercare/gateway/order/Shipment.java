package io.ordercare.gateway.order;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The outbound parcel of an order: who carries it, its tracking number, where it leaves from and the
 * delivery date promised to the customer. Part of the orders row (all columns null until the order
 * ships), so the CDC event of a shipping order carries it. {@link #of} holds the rules of a valid one.
 */
@Embeddable
public class Shipment {

    /**
     * Carrier codes are upper case; the suite knows SF, JD, CAINIAO, YTO, ZTO, STO, YUNDA, EMS, UPS,
     * FEDEX and DHL, but any well-formed code is accepted so a new carrier needs no release.
     */
    static final Pattern CARRIER = Pattern.compile("[A-Z0-9_-]{1,32}");
    static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9-]{6,40}");
    static final int ORIGIN_MAX = 64;

    @Column(name = "carrier")
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    /** The city (or warehouse city) the parcel leaves from; optional. */
    @Column(name = "shipped_from")
    public String origin;
    @Column(name = "promised_delivery_date")
    public LocalDate promisedDeliveryDate;
    @Column(name = "shipped_at")
    public Instant shippedAt;

    /**
     * A shipment from caller input, checked all at once: every invalid field is reported, not just the
     * first. {@code today} is the shipping day (the promised date may not be before it).
     *
     * @throws InvalidRequestException listing every invalid field
     */
    public static Shipment of(String carrier, String trackingNumber, String origin, String promisedDeliveryDate,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String code = carrier == null ? null : carrier.strip().toUpperCase(Locale.ROOT);
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError("carrier", "required", null));
        } else if (!CARRIER.matcher(code).matches()) {
            errors.add(new FieldError("carrier", "invalid_carrier", carrier));
        }
        String tracking = trackingNumber == null ? null : trackingNumber.strip();
        if (tracking == null || tracking.isEmpty()) {
            errors.add(new FieldError("trackingNumber", "required", null));
        } else if (!TRACKING_NUMBER.matcher(tracking).matches()) {
            errors.add(new FieldError("trackingNumber", "invalid_tracking_number", trackingNumber));
        }
        String from = origin == null || origin.isBlank() ? null : origin.strip();
        if (from != null && from.length() > ORIGIN_MAX) {
            errors.add(new FieldError("origin", "too_long", from.substring(0, ORIGIN_MAX) + "…"));
        }
        LocalDate promised = null;
        if (promisedDeliveryDate == null || promisedDeliveryDate.isBlank()) {
            errors.add(new FieldError("promisedDeliveryDate", "required", null));
        } else {
            try {
                promised = LocalDate.parse(promisedDeliveryDate.strip());
                if (promised.isBefore(today)) {
                    errors.add(new FieldError("promisedDeliveryDate", "date_in_past", promisedDeliveryDate));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("promisedDeliveryDate", "invalid_date", promisedDeliveryDate));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Shipment s = new Shipment();
        s.carrier = code;
        s.trackingNumber = tracking;
        s.origin = from;
        s.promisedDeliveryDate = promised;
        return s;
    }
}
