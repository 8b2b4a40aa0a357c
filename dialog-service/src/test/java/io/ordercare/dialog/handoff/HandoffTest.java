package io.ordercare.dialog.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.dialog.platform.Chat;
import io.ordercare.dialog.platform.Orders;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A complaint goes to a person in routing-service with the summary, transcript, intent, order and urgency; the bot
 * is silent (the customer's messages are passed on) until routing-service hands the conversation back.
 */
@QuarkusTest
class HandoffTest {

    @Test
    void aComplaintIsHandedToRoutingTheBotStaysSilentUntilHandedBack() {
        Orders.Customer c = Orders.create("taobao", "SHIPPED", 1);
        String id = "app-" + UUID.randomUUID();
        Map<String, Object> who = Map.of("platformId", c.platformId());
        Chat.say(id, "APP", who, "我的订单到哪了");
        JsonPath answer = Chat.say(id, "APP", who, "太慢了，你们的服务太差了，我要投诉！");
        assertThat(answer.getBoolean("handedOff")).isTrue();

        var events = KafkaTopics.await("dialog.events", r -> id.equals(r.key())
                && r.value().contains("dialog.handoff-requested"), 1, Duration.ofSeconds(30));
        assertThat(events.get(0).value()).contains("\"urgency\":\"HIGH\"", "\"intent\":\"complaint\"", c.orderId(),
                "我的订单到哪了", "transcript", "summary");

        // routing-service has it (over gRPC and from dialog.events: one handoff)
        await().atMost(Duration.ofSeconds(20)).until(() -> Chat.conversation(id).getString("handoffId") != null);
        String handoff = Chat.conversation(id).getString("handoffId");
        JsonPath h = Orders.service("routing-service").get("/api/handoffs/" + handoff).then().statusCode(200).extract()
                .jsonPath();
        assertThat(h.getString("conversationId")).isEqualTo(id);
        assertThat(h.getString("order.id")).isEqualTo(c.orderId());

        JsonPath silent = Chat.say(id, "APP", who, "有人吗？");
        assertThat(silent.getList("replies")).isEmpty();
        assertThat(silent.getBoolean("handedOff")).isTrue();
        KafkaTopics.await("dialog.events", r -> id.equals(r.key()) && r.value().contains("dialog.customer-message")
                && r.value().contains("有人吗"), 1, Duration.ofSeconds(30));

        Orders.service("routing-service").body(Map.of("actor", "agent:1", "note", "explained the delay"))
                .post("/api/handoffs/" + handoff + "/hand-back").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "BOT".equals(Chat.conversation(id).getString("owner")));
        JsonPath back = Chat.say(id, "APP", who, "我的订单到哪了");
        assertThat(Chat.replies(back)).contains(c.number());
        assertThat(back.getBoolean("handedOff")).isFalse();
    }
}
