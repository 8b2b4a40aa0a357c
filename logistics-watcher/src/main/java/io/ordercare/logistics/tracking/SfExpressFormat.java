package io.ordercare.logistics.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SF-Express-style route push: {@code {"Body":{"WaybillRoute":[{"mailno","acceptTime","acceptAddress",
 * "remark","opCode"}]}}} (also without the {@code Body} wrapper, or one route object alone). Times are China
 * time; the hub is the facility named in 【】 in the remark, the city is {@code acceptAddress}.
 */
public class SfExpressFormat implements ScanFormat {

    /** SF operation codes and what they mean; an unknown code is a movement we don't interpret. */
    static final Map<String, ScanCode> OP_CODES = Map.of(
            "50", ScanCode.PICKED_UP,
            "30", ScanCode.IN_TRANSIT,
            "31", ScanCode.ARRIVED,
            "44", ScanCode.OUT_FOR_DELIVERY,
            "80", ScanCode.DELIVERED,
            "70", ScanCode.DELIVERY_FAILED,
            "33", ScanCode.ADDRESS_PROBLEM,
            "99", ScanCode.RETURNED_TO_SENDER,
            "40", ScanCode.EXCEPTION);
    private static final Pattern HUB = Pattern.compile("【([^】]+)】");

    @Override
    public String name() {
        return "sf";
    }

    @Override
    public boolean recognizes(JsonNode p) {
        return routes(p) != null;
    }

    private static JsonNode routes(JsonNode p) {
        JsonNode body = p.has("Body") ? p.get("Body") : p;
        if (body.has("WaybillRoute")) {
            return body.get("WaybillRoute");
        }
        return p.has("mailno") && p.has("opCode") ? p : null;
    }

    @Override
    public List<CarrierScan> read(JsonNode p) {
        JsonNode routes = routes(p);
        if (routes == null) {
            throw new InvalidScanException("SF: no WaybillRoute");
        }
        List<JsonNode> list = new ArrayList<>();
        if (routes.isArray()) {
            routes.forEach(list::add);
        } else {
            list.add(routes);
        }
        if (list.isEmpty()) {
            throw new InvalidScanException("SF: WaybillRoute is empty");
        }
        List<CarrierScan> scans = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = "SF WaybillRoute[" + i + "].";
            String mailno = ScanFormat.trackingNumber(ScanFormat.required(r, "mailno", where), where + "mailno ");
            String opCode = ScanFormat.required(r, "opCode", where);
            String remark = ScanFormat.text(r, "remark");
            String city = ScanFormat.text(r, "acceptAddress");
            String hub = city;
            if (remark != null) {
                Matcher m = HUB.matcher(remark);
                if (m.find()) {
                    hub = m.group(1);
                }
            }
            scans.add(new CarrierScan("SF", mailno,
                    ScanFormat.chinaTime(ScanFormat.required(r, "acceptTime", where), where + "acceptTime "),
                    OP_CODES.getOrDefault(opCode, ScanCode.IN_TRANSIT), opCode, hub, city, remark));
        }
        return scans;
    }
}
