package io.ordercare.logistics.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cainiao/JD-style trace push: {@code {"logisticsNo","cpCode","logisticsEvent":{"action","time","desc",
 * "facilityName","city"}}}. {@code cpCode} names the carrier (YTO, ZTO, STO, YUNDA, JD, EMS, ...). Times are
 * China time.
 */
public class CainiaoFormat implements ScanFormat {

    static final Map<String, ScanCode> ACTIONS = Map.ofEntries(
            Map.entry("GOT", ScanCode.PICKED_UP),
            Map.entry("DEPARTURE", ScanCode.IN_TRANSIT),
            Map.entry("TRANSPORT", ScanCode.IN_TRANSIT),
            Map.entry("ARRIVAL", ScanCode.ARRIVED),
            Map.entry("SENT_SCAN", ScanCode.OUT_FOR_DELIVERY),
            Map.entry("SIGNED", ScanCode.DELIVERED),
            Map.entry("FAILED", ScanCode.DELIVERY_FAILED),
            Map.entry("ADDRESS_ERROR", ScanCode.ADDRESS_PROBLEM),
            Map.entry("RETURN", ScanCode.RETURNED_TO_SENDER),
            Map.entry("EXCEPTION", ScanCode.EXCEPTION));

    @Override
    public String name() {
        return "cainiao";
    }

    @Override
    public boolean recognizes(JsonNode p) {
        return p.has("logisticsNo") && p.has("logisticsEvent");
    }

    @Override
    public List<CarrierScan> read(JsonNode p) {
        String where = "Cainiao ";
        String number = ScanFormat.trackingNumber(ScanFormat.required(p, "logisticsNo", where), where + "logisticsNo ");
        String carrier = ScanFormat.required(p, "cpCode", where).toUpperCase(Locale.ROOT);
        if (!carrier.matches("[A-Z0-9_-]{1,32}")) {
            throw new InvalidScanException(where + "cpCode is not a carrier code: " + carrier);
        }
        JsonNode e = p.get("logisticsEvent");
        if (e == null || !e.isObject()) {
            throw new InvalidScanException(where + "logisticsEvent is missing");
        }
        where = "Cainiao logisticsEvent.";
        String action = ScanFormat.required(e, "action", where).toUpperCase(Locale.ROOT);
        return List.of(new CarrierScan(carrier, number,
                ScanFormat.chinaTime(ScanFormat.required(e, "time", where), where + "time "),
                ACTIONS.getOrDefault(action, ScanCode.IN_TRANSIT), action,
                ScanFormat.text(e, "facilityName"), ScanFormat.text(e, "city"), ScanFormat.text(e, "desc")));
    }
}
