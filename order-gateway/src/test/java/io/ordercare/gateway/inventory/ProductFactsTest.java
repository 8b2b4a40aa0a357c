package io.ordercare.gateway.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.gateway.platform.TestInventory;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.GetStockRequest;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Product facts on inventory.levels: optional, but a record whose facts are invalid is not applied at all. Its
 * products are of category general, so that they never compete with the apparel ones the substitute tests rank.
 */
@QuarkusTest
class ProductFactsTest {

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    private static String deadLetterReason(String sku) {
        ConsumerRecord<String, String> dead = KafkaTopics.await("inventory.levels.dlq", r -> sku.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        return new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    private boolean known(String sku) {
        return orders.getStock(GetStockRequest.newBuilder().addSkus(sku).build()).getLevels(0).getKnown();
    }

    @Test
    void aPriceWithoutItsCurrencyGoesToTheDeadLetterTopic() {
        String sku = "FACTS-" + TestOrders.unique();
        KafkaTopics.send("inventory.levels", sku, TestInventory.product(sku, 3, "general", 9900, "M", "红色")
                .without("currency").toString());

        assertThat(deadLetterReason(sku)).contains("unitPriceMinor and currency");
        assertThat(known(sku)).isFalse();
    }

    @Test
    void aFractionalPriceOrAnOverlongNameGoesToTheDeadLetterTopic() {
        String fractional = "FACTS-" + TestOrders.unique();
        String overlong = "FACTS-" + TestOrders.unique();
        KafkaTopics.send("inventory.levels", fractional, TestInventory.product(fractional, 3, "general", 0, "M", "红色")
                .put("unitPriceMinor", 99.5).toString());
        KafkaTopics.send("inventory.levels", overlong, TestInventory.product(overlong, 3, "general", 9900, "M", "红色")
                .put("name", "长".repeat(301)).toString());

        assertThat(deadLetterReason(fractional)).contains("unitPriceMinor");
        assertThat(deadLetterReason(overlong)).contains("name");
    }

    @Test
    void aRecordWithEveryFactIsAppliedLikeAnyStockLevel() {
        String sku = "FACTS-" + TestOrders.unique();
        TestInventory.publish(orders, TestInventory.product(sku, 4, "general", 9900, "M", "红色")
                .put("restockEta", "2026-12-05"));

        assertThat(orders.getStock(GetStockRequest.newBuilder().addSkus(sku).build()).getLevels(0).getRestockEta())
                .isEqualTo("2026-12-05");
    }
}
