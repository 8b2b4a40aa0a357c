package io.ordercare.logistics.tracking;

import java.time.Instant;

/**
 * One scan of one parcel in the suite's own terms, whichever carrier format it came in.
 *
 * @param carrier suite carrier code (SF, JD, YTO, UPS, ...)
 * @param carrierCode the carrier's own event code, kept as received
 * @param hub the facility that scanned it, when the carrier names one
 */
public record CarrierScan(String carrier, String trackingNumber, Instant scannedAt, ScanCode code, String carrierCode,
        String hub, String city, String description) {
}
