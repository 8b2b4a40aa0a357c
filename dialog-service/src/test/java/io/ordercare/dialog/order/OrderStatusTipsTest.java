package io.ordercare.dialog.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.dialog.platform.Chat;
import io.ordercare.dialog.platform.Orders;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A parcel that will miss its promised date: the answer gives the reason and the new estimate from the track. */
@QuarkusTest
class OrderStatusTipsTest {

    @Test
    void aLateParcelIsExplainedWithTheNewEstimateInBothLanguages() {
        Orders.Customer c = Orders.create("taobao", "SHIPPED_DUE_TODAY", 1);
        // logistics-watcher starts the shipment from order.changes
        await().atMost(Duration.ofSeconds(30)).until(() -> Orders.service("logistics-watcher")
                .get("/api/shipments?orderId=" + c.orderId()).statusCode() == 200);
        Map<String, Object> who = Map.of("platformId", c.platformId());
        String en = Chat.replies(Chat.say("app-" + UUID.randomUUID(), "APP", who, "when will my order arrive?"));
        assertThat(en).contains(c.number(), "running late", "New estimate", "promised by");
        String zh = Chat.replies(Chat.say("app-" + UUID.randomUUID(), "APP", who, "我的快递什么时候到"));
        assertThat(zh).contains(c.number(), "可能会晚到", "新的预计送达时间");
    }
}
