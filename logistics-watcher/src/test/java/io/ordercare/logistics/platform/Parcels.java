package io.ordercare.logistics.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.tools.carrier.CarrierSimulator;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.ordercare.tools.carrier.SimulatedScan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test parcels: unique tracking numbers and orders, shipped the way order-gateway announces it, scanned by the simulator. */
public final class Parcels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    public static final CarrierSimulator SIMULATOR = new CarrierSimulator(7);

    private Parcels() {
    }

    public static long unique() {
        return SEQ.incrementAndGet();
    }

    public static String trackingNumber(String carrier) {
        return carrier + String.format("%012d", unique());
    }

    /** What order-gateway's CDC publishes when an order ships (see OrderChangeMapper): order.status-changed. */
    public static String shippedEvent(String orderId, SimulatedParcel p, LocalDate promised) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", "test:" + orderId + ":shipped");
        e.put("source", "/order-gateway/cdc");
        e.put("type", "order.status-changed");
        e.put("time", p.shippedAt().toString());
        e.put("subject", orderId);
        e.put("datacontenttype", "application/json");
        ObjectNode data = e.putObject("data");
        data.put("orderId", orderId);
        data.put("customerId", "C" + orderId);
        data.put("status", "SHIPPED");
        data.put("previousStatus", "PACKING");
        data.put("version", 3);
        ObjectNode s = data.putObject("shipment");
        s.put("carrier", p.carrier());
        s.put("trackingNumber", p.trackingNumber());
        s.put("origin", p.origin());
        s.put("destination", p.destination());
        if (promised != null) {
            s.put("promisedDeliveryDate", promised.toString());
        }
        s.put("shippedAt", p.shippedAt().toString());
        return e.toString();
    }

    public static void ship(String orderId, SimulatedParcel p, LocalDate promised) {
        KafkaTopics.send("order.changes", orderId, shippedEvent(orderId, p, promised));
    }

    public static void scan(SimulatedParcel p, SimulatedScan s) {
        KafkaTopics.send("logistics.tracking", p.trackingNumber(), SIMULATOR.event(p, s));
    }

    public static void scanAll(SimulatedParcel p, List<SimulatedScan> scans) {
        scans.forEach(s -> scan(p, s));
    }

    public static List<SimulatedScan> script(SimulatedParcel p, Scenario scenario) {
        return SIMULATOR.script(p, scenario);
    }

    public static SimulatedParcel parcel(String carrier, String origin, String destination, Instant shippedAt) {
        return new SimulatedParcel(carrier, trackingNumber(carrier), origin, destination, shippedAt);
    }
}
