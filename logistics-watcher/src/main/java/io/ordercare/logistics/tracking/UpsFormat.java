package io.ordercare.logistics.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * UPS/FedEx-style tracking response: {@code {"trackResponse":{"shipment":[{"package":[{"trackingNumber",
 * "activity":[{"location":{"address":{"city","stateProvince","countryCode"}},"status":{"type","code",
 * "description"},"date":"yyyyMMdd","time":"HHmmss","gmtDate","gmtTime":"HH:mm:ss","gmtOffset"}]}]}]}}}.
 * The time is taken from gmtDate/gmtTime (UTC) when present, else local date/time with gmtOffset. Status
 * types: P pickup, I in transit (code AR arrived, OT/OF out for delivery), D delivered, X exception (code NA
 * receiver not available, UA/AD address problem), RS returned to shipper; M (label created) is no scan.
 */
public class UpsFormat implements ScanFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");

    @Override
    public String name() {
        return "ups";
    }

    @Override
    public boolean recognizes(JsonNode p) {
        return p.has("trackResponse");
    }

    @Override
    public List<CarrierScan> read(JsonNode p) {
        JsonNode shipments = p.path("trackResponse").path("shipment");
        if (!shipments.isArray() || shipments.isEmpty()) {
            throw new InvalidScanException("UPS trackResponse.shipment is missing");
        }
        String carrier = p.hasNonNull("carrier") ? p.get("carrier").asText().toUpperCase(Locale.ROOT) : "UPS";
        List<CarrierScan> scans = new ArrayList<>();
        for (int s = 0; s < shipments.size(); s++) {
            JsonNode packages = shipments.get(s).path("package");
            if (!packages.isArray() || packages.isEmpty()) {
                throw new InvalidScanException("UPS shipment[" + s + "].package is missing");
            }
            for (int k = 0; k < packages.size(); k++) {
                JsonNode pkg = packages.get(k);
                String where = "UPS shipment[" + s + "].package[" + k + "].";
                String number = ScanFormat.trackingNumber(ScanFormat.required(pkg, "trackingNumber", where),
                        where + "trackingNumber ");
                JsonNode activities = pkg.path("activity");
                if (!activities.isArray()) {
                    throw new InvalidScanException(where + "activity is missing");
                }
                for (int a = 0; a < activities.size(); a++) {
                    JsonNode act = activities.get(a);
                    String at = where + "activity[" + a + "].";
                    JsonNode status = act.path("status");
                    String type = ScanFormat.required(status, "type", at + "status.").toUpperCase(Locale.ROOT);
                    if ("M".equals(type)) {
                        continue; // label created: the parcel has not moved
                    }
                    String code = ScanFormat.text(status, "code");
                    code = code == null ? "" : code.toUpperCase(Locale.ROOT);
                    JsonNode address = act.path("location").path("address");
                    String city = ScanFormat.text(address, "city");
                    String hub = city == null ? null : city + (address.hasNonNull("stateProvince")
                            ? ", " + address.get("stateProvince").asText() : "");
                    scans.add(new CarrierScan(carrier, number, time(act, at), meaning(type, code), type + "/" + code,
                            hub, city, ScanFormat.text(status, "description")));
                }
            }
        }
        if (scans.isEmpty()) {
            throw new InvalidScanException("UPS: no activity that is a scan");
        }
        return scans;
    }

    static ScanCode meaning(String type, String code) {
        return switch (type) {
            case "P" -> ScanCode.PICKED_UP;
            case "D" -> ScanCode.DELIVERED;
            case "RS" -> ScanCode.RETURNED_TO_SENDER;
            case "X" -> switch (code) {
                case "NA" -> ScanCode.DELIVERY_FAILED;
                case "UA", "AD" -> ScanCode.ADDRESS_PROBLEM;
                default -> ScanCode.EXCEPTION;
            };
            default -> switch (code) {
                case "AR" -> ScanCode.ARRIVED;
                case "OT", "OF" -> ScanCode.OUT_FOR_DELIVERY;
                default -> ScanCode.IN_TRANSIT;
            };
        };
    }

    private static java.time.Instant time(JsonNode act, String where) {
        try {
            String gmtDate = ScanFormat.text(act, "gmtDate");
            String gmtTime = ScanFormat.text(act, "gmtTime");
            if (gmtDate != null && gmtTime != null) {
                return LocalDateTime.of(LocalDate.parse(gmtDate, DATE), LocalTime.parse(gmtTime)).toInstant(ZoneOffset.UTC);
            }
            LocalDateTime local = LocalDateTime.of(LocalDate.parse(ScanFormat.required(act, "date", where), DATE),
                    LocalTime.parse(ScanFormat.required(act, "time", where), HHMMSS));
            String offset = ScanFormat.text(act, "gmtOffset");
            if (offset == null) {
                throw new InvalidScanException(where + "gmtOffset is missing (no gmtDate/gmtTime either)");
            }
            return local.toInstant(ZoneOffset.of(offset));
        } catch (DateTimeException e) {
            throw new InvalidScanException(where + "date/time is not valid: " + e.getMessage());
        }
    }
}
