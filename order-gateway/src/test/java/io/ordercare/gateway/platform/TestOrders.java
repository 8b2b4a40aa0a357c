package io.ordercare.gateway.platform;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Sample platform orders (src/test/resources/payloads) made unique per test: a fresh external id and
 * a fresh buyer, so tests sharing one database never see each other's orders or customers.
 */
public final class TestOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestOrders() {
    }

    public static ObjectNode load(String name) {
        try (InputStream in = TestOrders.class.getResourceAsStream("/payloads/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long unique() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    /** A Taobao order with its own tid, buyer and mobile; {@code tweak} may change anything else. */
    public static ObjectNode taobao(Consumer<ObjectNode> tweak) {
        ObjectNode o = load("taobao-order.json");
        long n = unique();
        o.put("tid", n);
        o.put("tid_str", String.valueOf(n));
        o.put("buyer_nick", "tb_buyer_" + n);
        o.put("receiver_mobile", "13" + String.valueOf(n).substring(0, 9));
        tweak.accept(o);
        return o;
    }

    /**
     * A paid Taobao order of one T-shirt line (category apparel): {@code quantity} × {@code sku} in the given size
     * and colour, paid at its list price {@code unitPriceMinor} each, no postage. Alone the buyer's first order
     * raises no flag; a short stock of {@code sku} raises STOCK_SHORTAGE.
     */
    public static ObjectNode taobaoTee(String sku, String size, String colour, int quantity, long unitPriceMinor) {
        return taobao(o -> {
            ArrayNode lines = (ArrayNode) o.get("orders").get("order");
            ObjectNode line = (ObjectNode) lines.get(0);
            lines.removeAll();
            lines.add(line);
            String unit = yuan(unitPriceMinor);
            String lineTotal = yuan(unitPriceMinor * quantity);
            line.put("outer_sku_id", sku);
            line.put("sku_properties_name", "颜色分类:" + colour + ";尺码:" + size);
            line.put("num", quantity);
            line.put("price", unit);
            line.put("total_fee", lineTotal);
            line.put("discount_fee", "0.00");
            line.put("payment", lineTotal);
            line.put("divide_order_fee", lineTotal);
            o.put("total_fee", lineTotal);
            o.put("discount_fee", "0.00");
            o.put("post_fee", "0.00");
            o.put("payment", lineTotal);
        });
    }

    private static String yuan(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }

    public static ObjectNode taobao() {
        return taobao(o -> {
        });
    }

    /** A Shopify order with its own id, buyer, email and phone; {@code tweak} may change anything else. */
    public static ObjectNode shopify(Consumer<ObjectNode> tweak) {
        return shopify("shopify-order.json", tweak);
    }

    /** A Shopify order read from {@code file}, made unique like {@link #shopify(Consumer)}. */
    public static ObjectNode shopify(String file, Consumer<ObjectNode> tweak) {
        ObjectNode o = load(file);
        long n = unique();
        o.put("id", n);
        o.put("name", "#" + n);
        o.put("email", "buyer" + n + "@example.com");
        o.put("phone", "+1415" + String.valueOf(n).substring(0, 7));
        ObjectNode customer = (ObjectNode) o.get("customer");
        customer.put("id", n);
        customer.put("email", "buyer" + n + "@example.com");
        customer.put("phone", "+1415" + String.valueOf(n).substring(0, 7));
        tweak.accept(o);
        return o;
    }

    public static ObjectNode jd(String file, Consumer<ObjectNode> tweak) {
        ObjectNode o = load(file);
        long n = unique();
        o.put("orderId", String.valueOf(n));
        o.put("pin", "jd_pin_" + n);
        ((ObjectNode) o.get("consigneeInfo")).put("mobile", "139" + String.valueOf(n).substring(0, 8));
        tweak.accept(o);
        return o;
    }

    /** Posts the payload to the webhook and returns the stored canonical order. */
    public static JsonPath post(ObjectNode payload) {
        return given().contentType("application/json").body(payload.toString())
                .when().post("/api/orders")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** A cash-on-delivery JD order (nothing paid, so no flag holds it), confirmed and moved to PACKING. */
    public static JsonPath packing() {
        JsonPath order = post(jd("jd-order-cod.json", o -> {
        }));
        String id = order.getString("id");
        long v = given().contentType("application/json").body(Map.of("expectedVersion", order.getLong("version")))
                .post("/api/orders/" + id + "/confirm").then().statusCode(200).extract().jsonPath().getLong("version");
        return given().contentType("application/json").body(Map.of("expectedVersion", v, "status", "PACKING"))
                .post("/api/orders/" + id + "/status").then().statusCode(200).extract().jsonPath();
    }
}
