package io.ordercare.tools.carrier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Command line of the carrier simulator: sends the scans of one parcel's journey (or of many random parcels)
 * to {@code logistics.tracking} as CloudEvents, keyed by tracking number. By default only the scans whose time
 * has come (scan time ≤ now) are sent, so a parcel shipped 20 hours ago is mid-journey; {@code --all} sends
 * the whole script.
 *
 * <pre>
 * carrier-sim --carrier SF --tracking SF1234567890 --origin 深圳市 --destination 上海市 \
 *             [--scenario DELIVERED|STUCK|LATE|FAILED_THEN_DELIVERED|RETURNED|ADDRESS_PROBLEM]
 *             [--shipped-hours-ago 48 | --shipped-at 2026-11-23T08:00:00Z] [--all]
 *             [--bootstrap localhost:19092] [--topic logistics.tracking] [--seed 1]
 * carrier-sim --parcels 1000 --prefix SIM [--shipped-hours-ago 48] ...   random carriers, routes and scenarios
 * </pre>
 */
public final class CarrierSim {

    private static final String[] CITIES = { "上海市", "北京市", "深圳市", "杭州市", "广州市", "成都市", "武汉市", "南京市" };
    private static final String[] CARRIERS = { "SF", "YTO", "ZTO", "JD", "UPS" };

    private CarrierSim() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--all") || a.equals("-h") || a.equals("--help")) {
                o.put(a, "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                o.put(a, args[++i]);
            } else {
                usage("unexpected argument: " + a);
            }
        }
        if (o.containsKey("-h") || o.containsKey("--help")) {
            usage(null);
        }
        CarrierSimulator sim = new CarrierSimulator(Long.parseLong(o.getOrDefault("--seed", "1")));
        Instant now = Instant.now();
        Instant shippedAt = o.containsKey("--shipped-at") ? Instant.parse(o.get("--shipped-at"))
                : now.minus(Duration.ofMinutes(Math.round(Double.parseDouble(o.getOrDefault("--shipped-hours-ago", "48")) * 60)));
        boolean all = o.containsKey("--all");
        List<SimulatedParcel> parcels = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        if (o.containsKey("--parcels")) {
            int n = Integer.parseInt(o.get("--parcels"));
            String prefix = o.getOrDefault("--prefix", "SIM");
            java.util.Random r = new java.util.Random(Long.parseLong(o.getOrDefault("--seed", "1")));
            Scenario[] values = Scenario.values();
            for (int i = 0; i < n; i++) {
                String origin = CITIES[r.nextInt(CITIES.length)];
                String destination = CITIES[r.nextInt(CITIES.length)];
                parcels.add(new SimulatedParcel(CARRIERS[r.nextInt(CARRIERS.length)], String.format("%s%08d", prefix, i),
                        origin, destination, shippedAt));
                // mostly uneventful journeys, like real traffic
                scenarios.add(r.nextInt(10) < 7 ? Scenario.DELIVERED : values[r.nextInt(values.length)]);
            }
        } else {
            for (String required : List.of("--carrier", "--tracking", "--origin", "--destination")) {
                if (!o.containsKey(required)) {
                    usage(required + " is required (or --parcels N)");
                }
            }
            parcels.add(new SimulatedParcel(o.get("--carrier").toUpperCase(), o.get("--tracking").toUpperCase(),
                    o.get("--origin"), o.get("--destination"), shippedAt));
            scenarios.add(Scenario.valueOf(o.getOrDefault("--scenario", "DELIVERED").toUpperCase()));
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, o.getOrDefault("--bootstrap", "localhost:19092"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        String topic = o.getOrDefault("--topic", "logistics.tracking");
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < parcels.size(); i++) {
                SimulatedParcel parcel = parcels.get(i);
                for (SimulatedScan s : sim.script(parcel, scenarios.get(i))) {
                    if (!all && s.at().isAfter(now)) {
                        break;
                    }
                    producer.send(new ProducerRecord<>(topic, parcel.trackingNumber(), sim.event(parcel, s)));
                    sent++;
                    if (parcels.size() == 1) {
                        System.out.printf("%s  %-16s %s (%s)%n", s.at(), s.kind(), s.hub(), CarrierSimulator.formatOf(parcel.carrier()));
                    }
                }
            }
            producer.flush();
        }
        System.out.printf("sent %d scans of %d parcel(s) to %s%n", sent, parcels.size(), topic);
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("carrier-sim: " + error);
        }
        System.err.println("""
                usage: carrier-sim --carrier SF --tracking SF1234567890 --origin 深圳市 --destination 上海市
                                   [--scenario DELIVERED|STUCK|LATE|FAILED_THEN_DELIVERED|RETURNED|ADDRESS_PROBLEM]
                                   [--shipped-hours-ago 48 | --shipped-at ISO-INSTANT] [--all]
                                   [--bootstrap localhost:19092] [--topic logistics.tracking] [--seed 1]
                       carrier-sim --parcels N [--prefix SIM] [--shipped-hours-ago 48] [--all] ...""");
        System.exit(error == null ? 0 : 2);
    }
}
