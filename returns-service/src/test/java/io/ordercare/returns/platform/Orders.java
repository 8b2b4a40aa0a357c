package io.ordercare.returns.platform;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real orders in the real order-gateway the test stack runs: ingested from a platform payload, then (optionally)
 * confirmed, packed, shipped and delivered through its REST API.
 */
public final class Orders {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 100);

    private Orders() {
    }

    public static long unique() {
        return SEQ.incrementAndGet();
    }

    static RequestSpecification gateway() {
        int port = ConfigProvider.getConfig().getValue("ordercare.test.order-gateway.port", Integer.class);
        return given().port(port).contentType("application/json");
    }

    /** A Taobao order (T-shirt ×2 at 89.00, cherries (fresh) 129.00, earbuds (digital) 91.00; paid 398.00). */
    public static String taobao(boolean deliver) {
        return create("taobao-order.json", p -> {
            long n = unique();
            p.put("tid", 3900000000000000000L + n);
            p.put("tid_str", String.valueOf(3900000000000000000L + n));
            p.put("buyer_nick", "tb_buyer_" + n);
        }, deliver);
    }

    /** A JD order paid online (fridge 4499.10, earbuds 989.10, hoodie 2 × 539.55; 10% off, paid 6567.30). */
    public static String jd(boolean deliver) {
        return create("jd-order.json", p -> {
            long n = unique();
            p.put("orderId", String.valueOf(n));
            p.put("pin", "jd_pin_" + n);
            placedYesterday(p);
        }, deliver);
    }

    /** JD times are Beijing time: the order was placed and paid a day ago (windows from purchase are open). */
    public static void placedYesterday(ObjectNode jd) {
        var f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        var t = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
        jd.put("orderStartTime", t.format(f));
        jd.put("paymentConfirmTime", t.plusMinutes(1).format(f));
        jd.put("modified", t.plusMinutes(2).format(f));
    }

    public static String create(String payloadFile, Consumer<ObjectNode> edit, boolean deliver) {
        ObjectNode payload;
        try (InputStream in = Orders.class.getResourceAsStream("/payloads/" + payloadFile)) {
            payload = (ObjectNode) JSON.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        edit.accept(payload);
        var order = gateway().body(payload.toString()).post("/api/orders").then().statusCode(201).extract().jsonPath();
        String id = order.getString("id");
        if (deliver) {
            deliver(id, order.getLong("version"));
        }
        return id;
    }

    static void deliver(String id, long v) {
        v = gateway().body(Map.of("expectedVersion", v)).post("/api/orders/" + id + "/confirm")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        v = gateway().body(Map.of("expectedVersion", v, "status", "PACKING")).post("/api/orders/" + id + "/status")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        v = gateway().body(Map.of("expectedVersion", v, "actor", "warehouse:1", "carrier", "SF", "trackingNumber",
                "SF" + unique(), "origin", "深圳市", "promisedDeliveryDate", LocalDate.now().plusDays(4).toString()))
                .post("/api/orders/" + id + "/shipment").then().statusCode(200).extract().jsonPath().getLong("version");
        gateway().body(Map.of("expectedVersion", v, "status", "DELIVERED")).post("/api/orders/" + id + "/status")
                .then().statusCode(200);
    }

    /** DELIVERED → COMPLETED: a change of the order after its delivery. */
    public static void complete(String id) {
        long v = get(id).getLong("version");
        gateway().body(Map.of("expectedVersion", v, "status", "COMPLETED")).post("/api/orders/" + id + "/status")
                .then().statusCode(200);
    }

    public static JsonPath get(String id) {
        return gateway().get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The id of the order's item whose name contains {@code text}. */
    public static long item(String orderId, String text) {
        List<Map<String, Object>> items = get(orderId).getList("items");
        return items.stream().filter(i -> String.valueOf(i.get("name")).contains(text))
                .map(i -> ((Number) i.get("id")).longValue()).findFirst().orElseThrow();
    }
}
