package io.ordercare.dialog.platform;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real orders in the real order-gateway of the test stack, each customer with their own phone number and platform
 * account, moved along the lifecycle through its REST API.
 */
public final class Orders {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);

    /** One customer's order(s) and how the customer is known. */
    public record Customer(List<String> orderIds, List<String> numbers, String phone, String platformId, String email) {
        public String orderId() {
            return orderIds.get(0);
        }

        public String number() {
            return numbers.get(0);
        }

        public String last4() {
            return phone.substring(phone.length() - 4);
        }
    }

    private Orders() {
    }

    public static long unique() {
        return SEQ.incrementAndGet();
    }

    public static RequestSpecification gateway() {
        int port = ConfigProvider.getConfig().getValue("ordercare.test.order-gateway.port", Integer.class);
        return given().port(port).contentType("application/json");
    }

    public static RequestSpecification service(String module) {
        int port = ConfigProvider.getConfig().getValue("ordercare.test." + module + ".port", Integer.class);
        return given().port(port).contentType("application/json");
    }

    /**
     * {@code count} orders of one new customer from the fixture (taobao, jd, shopify, shopify-double-charge,
     * shopify-insufficient-funds), each moved to {@code status} (PLACED leaves it as ingested).
     */
    public static Customer create(String fixture, String status, int count) {
        return create(fixture, status, count, p -> {
        });
    }

    /** As {@link #create(String, String, int)}, the payload changed by {@code tweak} before it is sent. */
    public static Customer create(String fixture, String status, int count,
            java.util.function.Consumer<ObjectNode> tweak) {
        long n = unique();
        String mobile = "139" + String.format("%08d", n % 100_000_000L);
        String usPhone = "+1415" + String.format("%07d", n % 10_000_000L);
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        String platformId = null;
        String email = null;
        for (int i = 0; i < count; i++) {
            long k = unique();
            ObjectNode p = payload(fixture);
            switch (fixture) {
                case "taobao" -> {
                    p.put("tid", 3900000000000000000L + k);
                    p.put("tid_str", String.valueOf(3900000000000000000L + k));
                    p.put("buyer_nick", "tb_dialog_" + n);
                    p.put("receiver_mobile", mobile);
                    platformId = "taobao:tb_dialog_" + n;
                }
                case "jd" -> {
                    p.put("orderId", String.valueOf(k));
                    p.put("pin", "jd_dialog_" + n);
                    ((ObjectNode) p.get("consigneeInfo")).put("mobile", mobile);
                    yesterday(p);
                    platformId = "jd:jd_dialog_" + n;
                }
                default -> {
                    p.put("id", 5800000000000L + k);
                    p.put("name", "#" + k);
                    p.put("order_number", k);
                    email = "dialog." + n + "@example.com";
                    p.put("email", email);
                    ObjectNode c = (ObjectNode) p.get("customer");
                    c.put("id", 7000000 + n);
                    c.put("email", email);
                    c.put("phone", usPhone);
                    ((ObjectNode) p.get("shipping_address")).put("phone", usPhone);
                    platformId = "shopify:" + (7000000 + n);
                }
            }
            tweak.accept(p);
            JsonPath order = gateway().body(p.toString()).post("/api/orders").then().statusCode(201).extract().jsonPath();
            String id = order.getString("id");
            move(id, order.getLong("version"), status);
            ids.add(id);
            numbers.add(order.getString("externalId"));
        }
        String phone = fixture.startsWith("shopify") ? usPhone : "+86" + mobile;
        return new Customer(ids, numbers, phone, platformId, email);
    }

    private static ObjectNode payload(String fixture) {
        try (InputStream in = Orders.class.getResourceAsStream("/payloads/" + fixture + "-order.json")) {
            if (in != null) {
                return (ObjectNode) JSON.readTree(in);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String file = fixture.replace("shopify-", "shopify-order-");
        try (InputStream in = Orders.class.getResourceAsStream("/payloads/" + file + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException("no payload for fixture " + fixture, e);
        }
    }

    /** JD times are Beijing time: placed and paid a day ago. */
    private static void yesterday(ObjectNode jd) {
        var f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        var t = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        jd.put("orderStartTime", t.format(f));
        jd.put("paymentConfirmTime", t.plusMinutes(1).format(f));
        jd.put("modified", t.plusMinutes(2).format(f));
    }

    /** PLACED → ... → status, through order-gateway's REST API. */
    public static void move(String id, long v, String status) {
        List<String> path = List.of("PLACED", "CONFIRMED", "PACKING", "SHIPPED", "DELIVERED");
        // SHIPPED_DUE_TODAY: shipped, promised for today, so the track's prediction (days of transit) is late
        boolean dueToday = "SHIPPED_DUE_TODAY".equals(status);
        int target = dueToday ? 3 : path.indexOf(status);
        if (target < 0) {
            throw new IllegalArgumentException("fixture status " + status);
        }
        if (target >= 1) {
            v = gateway().body(Map.of("expectedVersion", v)).post("/api/orders/" + id + "/confirm")
                    .then().statusCode(200).extract().jsonPath().getLong("version");
        }
        if (target >= 2) {
            v = status(id, v, "PACKING");
        }
        if (target >= 3) {
            v = gateway().body(Map.of("expectedVersion", v, "actor", "warehouse:1", "carrier", "SF", "trackingNumber",
                    "SF" + unique(), "origin", "深圳市", "promisedDeliveryDate", LocalDate.now(ZoneId.of("Asia/Shanghai"))
                            .plusDays(dueToday ? 0 : 4).toString()))
                    .post("/api/orders/" + id + "/shipment").then().statusCode(200).extract().jsonPath().getLong("version");
        }
        if (target >= 4) {
            status(id, v, "DELIVERED");
        }
    }

    private static long status(String id, long v, String status) {
        return gateway().body(Map.of("expectedVersion", v, "status", status)).post("/api/orders/" + id + "/status")
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    public static JsonPath get(String id) {
        return gateway().get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Someone else (an agent) changes the order meanwhile: its version moves on, its status stays. */
    public static void touchedByAgent(String id) {
        JsonPath o = get(id);
        Map<String, Object> address = o.getMap("shippingAddress");
        gateway().body(Map.of("expectedVersion", o.getLong("version"), "address", address, "actor", "agent:7",
                "reason", "recipient name spelling")).put("/api/orders/" + id + "/address").then().statusCode(200);
    }
}
