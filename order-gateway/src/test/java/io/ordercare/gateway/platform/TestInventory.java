package io.ordercare.gateway.platform;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.proto.order.v1.GetStockRequest;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.proto.order.v1.StockLevel;
import io.ordercare.stack.KafkaTopics;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stock levels with product facts, sent on the real {@code inventory.levels} topic the way the warehouse system
 * would, and waited for until the snapshot holds them.
 */
public final class TestInventory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestInventory() {
    }

    /** A record with every product fact: priced in CNY, named after its SKU. */
    public static ObjectNode product(String sku, int available, String category, long unitPriceMinor, String size,
            String colour) {
        ObjectNode level = JSON.createObjectNode();
        level.put("sku", sku);
        level.put("available", available);
        level.put("name", "商品 " + sku);
        level.put("category", category);
        level.put("unitPriceMinor", unitPriceMinor);
        level.put("currency", "CNY");
        if (size != null) {
            level.put("size", size);
        }
        if (colour != null) {
            level.put("colour", colour);
        }
        return level;
    }

    /** A record in the format before product facts: SKU and stock only. */
    public static ObjectNode stockOnly(String sku, int available) {
        return JSON.createObjectNode().put("sku", sku).put("available", available);
    }

    /** Sends the records (keyed by SKU) and waits until the snapshot answers each SKU with its level. */
    public static void publish(OrderServiceGrpc.OrderServiceBlockingStub orders, ObjectNode... levels) {
        for (ObjectNode level : levels) {
            KafkaTopics.send("inventory.levels", level.get("sku").asText(), level.toString());
        }
        Map<String, Integer> expected = Arrays.stream(levels).collect(Collectors.toMap(l -> l.get("sku").asText(),
                l -> l.get("available").asInt(), (a, b) -> b));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<StockLevel> known = orders.getStock(GetStockRequest.newBuilder().addAllSkus(expected.keySet()).build())
                    .getLevelsList();
            Map<String, StockLevel> bySku = known.stream().collect(Collectors.toMap(StockLevel::getSku,
                    Function.identity()));
            return expected.entrySet().stream().allMatch(e -> bySku.get(e.getKey()).getKnown()
                    && bySku.get(e.getKey()).getAvailable() == e.getValue());
        });
    }
}
