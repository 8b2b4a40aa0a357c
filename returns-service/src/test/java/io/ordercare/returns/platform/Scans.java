package io.ordercare.returns.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.stack.KafkaTopics;
import java.time.Instant;
import java.util.UUID;

/**
 * Scans of return parcels as logistics-watcher publishes them on {@code logistics.return-scans}
 * ({@code return-parcel.scanned}, keyed by order id): its documented contract, since it does not run in tests.
 */
public final class Scans {

    static final ObjectMapper JSON = new ObjectMapper();

    private Scans() {
    }

    /** Publishes one scan; returns the event id (a repeat with this id must change nothing). */
    public static String send(String returnId, String orderId, String carrier, String number, String code,
            Instant at, String hub) {
        String id = UUID.nameUUIDFromBytes((carrier + number + at + code).getBytes()).toString();
        send(id, returnId, orderId, carrier, number, code, at, hub);
        return id;
    }

    public static void send(String id, String returnId, String orderId, String carrier, String number, String code,
            Instant at, String hub) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", id).put("source", "/logistics-watcher").put("type", "return-parcel.scanned")
                .put("time", Instant.now().toString()).put("subject", orderId).put("datacontenttype", "application/json");
        ObjectNode d = e.putObject("data");
        d.put("returnId", returnId).put("orderId", orderId).put("shipmentId", 1).put("carrier", carrier)
                .put("trackingNumber", number).put("status", code.equals("DELIVERED") ? "DELIVERED" : "IN_TRANSIT");
        d.putObject("scan").put("scannedAt", at.toString()).put("code", code).put("carrierCode", code)
                .put("hub", hub).put("city", "杭州市").put("description", code);
        KafkaTopics.send("logistics.return-scans", orderId, e.toString());
    }
}
