package io.ordercare.tools.carrier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic carrier tracking pushes for simulated parcels, in the three formats logistics-watcher reads:
 * SF-Express-style route pushes (carrier SF), UPS-style track responses (UPS, FEDEX, DHL) and Cainiao/JD-style
 * trace events (every other carrier: YTO, ZTO, STO, YUNDA, JD, EMS ...). A {@link Scenario} gives the journey
 * (hubs, gaps of hours between scans with some jitter, failed attempts, silence); the same seed gives the same
 * scripts. Used by logistics-watcher's tests, the local stack ({@code deploy/local/carrier-sim}) and the benchmark.
 */
public final class CarrierSimulator {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    private static final DateTimeFormatter UPS_DATE = DateTimeFormatter.BASIC_ISO_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UPS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Set<String> UPS_STYLE = Set.of("UPS", "FEDEX", "DHL");

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    public CarrierSimulator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code sf}, {@code ups} or {@code cainiao}: the format this carrier pushes in. */
    public static String formatOf(String carrier) {
        String c = carrier.toUpperCase(Locale.ROOT);
        return "SF".equals(c) ? "sf" : UPS_STYLE.contains(c) ? "ups" : "cainiao";
    }

    /** The whole journey of a parcel under a scenario, oldest scan first. */
    public List<SimulatedScan> script(SimulatedParcel p, Scenario scenario) {
        List<SimulatedScan> scans = new ArrayList<>();
        boolean late = scenario == Scenario.LATE;
        Instant t = p.shippedAt().plus(hours(2, 1));
        String originHub = hub(p.origin(), "转运中心", "Hub");
        String destinationHub = hub(p.destination(), "转运中心", "Hub");
        String station = hub(p.destination(), "营业部", "Station");
        scans.add(new SimulatedScan(t, ScanKind.PICKED_UP, p.origin() + "收件点", p.origin(), "快件已揽收 / picked up"));
        t = t.plus(hours(late ? 20 : 4, 2));
        scans.add(new SimulatedScan(t, ScanKind.ARRIVED, originHub, p.origin(), "快件到达【" + originHub + "】"));
        if (scenario == Scenario.STUCK) {
            return scans;
        }
        t = t.plus(hours(late ? 20 : 3, 1));
        scans.add(new SimulatedScan(t, ScanKind.DEPARTED, originHub, p.origin(), "快件已从【" + originHub + "】发出"));
        t = t.plus(hours(late ? 36 : 10, 3));
        scans.add(new SimulatedScan(t, ScanKind.ARRIVED, destinationHub, p.destination(), "快件到达【" + destinationHub + "】"));
        t = t.plus(hours(late ? 20 : 4, 1));
        scans.add(new SimulatedScan(t, ScanKind.DEPARTED, destinationHub, p.destination(), "快件已从【" + destinationHub + "】发出"));
        t = t.plus(hours(late ? 12 : 3, 1));
        scans.add(new SimulatedScan(t, ScanKind.ARRIVED, station, p.destination(), "快件到达【" + station + "】"));
        int failures = switch (scenario) {
            case FAILED_THEN_DELIVERED -> 1;
            case RETURNED -> 3;
            default -> 0;
        };
        for (int i = 0; i < failures; i++) {
            t = t.plus(hours(2, 1));
            scans.add(new SimulatedScan(t, ScanKind.OUT_FOR_DELIVERY, station, p.destination(), "快件派送中"));
            t = t.plus(hours(3, 1));
            scans.add(new SimulatedScan(t, ScanKind.DELIVERY_FAILED, station, p.destination(), "收件人不在，派送失败"));
            t = t.plus(hours(16, 2));
        }
        if (scenario == Scenario.RETURNED) {
            scans.add(new SimulatedScan(t, ScanKind.RETURNED, station, p.destination(), "快件已退回寄件人"));
            return scans;
        }
        if (scenario == Scenario.ADDRESS_PROBLEM) {
            t = t.plus(hours(1, 0));
            scans.add(new SimulatedScan(t, ScanKind.ADDRESS_PROBLEM, station, p.destination(), "地址不详，联系收件人中"));
            t = t.plus(hours(4, 1));
        }
        t = t.plus(hours(2, 1));
        scans.add(new SimulatedScan(t, ScanKind.OUT_FOR_DELIVERY, station, p.destination(), "快件派送中"));
        t = t.plus(hours(3, 1));
        scans.add(new SimulatedScan(t, ScanKind.DELIVERED, station, p.destination(), "快件已签收"));
        return scans;
    }

    /** The carrier's own push for one scan (the payload as the carrier sends it). */
    public String payload(SimulatedParcel p, SimulatedScan s) {
        ObjectNode node = switch (formatOf(p.carrier())) {
            case "sf" -> sf(p, s);
            case "ups" -> ups(p, s);
            default -> cainiao(p, s);
        };
        return node.toString();
    }

    /** The same push as a CloudEvent of type {@code tracking.<format>}, the suite's envelope on logistics.tracking. */
    public String event(SimulatedParcel p, SimulatedScan s) {
        ObjectNode e = json.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.nameUUIDFromBytes((p.carrier() + p.trackingNumber() + s.at() + s.kind()).getBytes()).toString());
        e.put("source", "/carrier-simulator/" + p.carrier().toLowerCase(Locale.ROOT));
        e.put("type", "tracking." + formatOf(p.carrier()));
        e.put("time", s.at().toString());
        e.put("subject", p.trackingNumber());
        e.put("datacontenttype", "application/json");
        e.set("data", formatOf(p.carrier()).equals("sf") ? sf(p, s) : formatOf(p.carrier()).equals("ups") ? ups(p, s)
                : cainiao(p, s));
        return e.toString();
    }

    private ObjectNode sf(SimulatedParcel p, SimulatedScan s) {
        ObjectNode root = json.createObjectNode();
        ArrayNode routes = root.putObject("Body").putArray("WaybillRoute");
        ObjectNode r = routes.addObject();
        r.put("id", Long.toString(Math.abs(random.nextLong())));
        r.put("mailno", p.trackingNumber());
        r.put("acceptTime", CHINA_TIME.format(s.at()));
        r.put("acceptAddress", s.city());
        r.put("remark", s.description());
        r.put("opCode", switch (s.kind()) {
            case PICKED_UP -> "50";
            case DEPARTED -> "30";
            case ARRIVED -> "31";
            case OUT_FOR_DELIVERY -> "44";
            case DELIVERED -> "80";
            case DELIVERY_FAILED -> "70";
            case ADDRESS_PROBLEM -> "33";
            case RETURNED -> "99";
        });
        return root;
    }

    private ObjectNode cainiao(SimulatedParcel p, SimulatedScan s) {
        ObjectNode root = json.createObjectNode();
        root.put("logisticsNo", p.trackingNumber());
        root.put("cpCode", p.carrier().toUpperCase(Locale.ROOT));
        ObjectNode e = root.putObject("logisticsEvent");
        e.put("action", switch (s.kind()) {
            case PICKED_UP -> "GOT";
            case DEPARTED -> "DEPARTURE";
            case ARRIVED -> "ARRIVAL";
            case OUT_FOR_DELIVERY -> "SENT_SCAN";
            case DELIVERED -> "SIGNED";
            case DELIVERY_FAILED -> "FAILED";
            case ADDRESS_PROBLEM -> "ADDRESS_ERROR";
            case RETURNED -> "RETURN";
        });
        e.put("time", CHINA_TIME.format(s.at()));
        e.put("desc", s.description());
        e.put("facilityName", s.hub());
        e.put("city", s.city());
        return root;
    }

    private ObjectNode ups(SimulatedParcel p, SimulatedScan s) {
        ObjectNode root = json.createObjectNode();
        if (!"UPS".equalsIgnoreCase(p.carrier())) {
            root.put("carrier", p.carrier().toUpperCase(Locale.ROOT));
        }
        ObjectNode pkg = root.putObject("trackResponse").putArray("shipment").addObject().putArray("package").addObject();
        pkg.put("trackingNumber", p.trackingNumber());
        ObjectNode a = pkg.putArray("activity").addObject();
        ObjectNode address = a.putObject("location").putObject("address");
        address.put("city", s.city());
        address.put("countryCode", "US");
        String[] typeAndCode = switch (s.kind()) {
            case PICKED_UP -> new String[] { "P", "PU", "Pickup Scan" };
            case DEPARTED -> new String[] { "I", "DP", "Departed from Facility" };
            case ARRIVED -> new String[] { "I", "AR", "Arrived at Facility" };
            case OUT_FOR_DELIVERY -> new String[] { "I", "OT", "Out For Delivery Today" };
            case DELIVERED -> new String[] { "D", "KB", "Delivered" };
            case DELIVERY_FAILED -> new String[] { "X", "NA", "The receiver was not available for delivery" };
            case ADDRESS_PROBLEM -> new String[] { "X", "UA", "The address is incomplete" };
            case RETURNED -> new String[] { "RS", "RS", "Returned to Sender" };
        };
        ObjectNode status = a.putObject("status");
        status.put("type", typeAndCode[0]);
        status.put("code", typeAndCode[1]);
        status.put("description", typeAndCode[2]);
        a.put("gmtDate", UPS_DATE.format(s.at()));
        a.put("gmtTime", UPS_TIME.format(s.at()));
        a.put("gmtOffset", "+00:00");
        return root;
    }

    private String hub(String city, String zh, String en) {
        boolean chinese = city != null && !city.isEmpty() && Character.UnicodeScript.of(city.codePointAt(0))
                == Character.UnicodeScript.HAN;
        String base = city == null || city.isEmpty() ? "?" : city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
        return chinese ? base + zh : base + " " + en;
    }

    private Duration hours(int mean, int jitter) {
        long minutes = mean * 60L + (jitter == 0 ? 0 : random.nextInt(jitter * 120 + 1) - jitter * 60L);
        return Duration.ofMinutes(Math.max(10, minutes));
    }
}
