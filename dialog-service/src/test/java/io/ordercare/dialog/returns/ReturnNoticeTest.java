package io.ordercare.dialog.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.dialog.platform.Chat;
import io.ordercare.dialog.platform.Orders;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A return requested in Chinese through the chat is opened in returns-service; every step it reports on
 * returns.events (approved, pickup scheduled, ...) is told to the customer in that conversation, in Chinese, as a
 * bot turn and on channel.outbound.
 */
@QuarkusTest
class ReturnNoticeTest {

    @Test
    void aReturnRequestedInChineseIsFollowedUpInTheConversation() {
        Orders.Customer c = Orders.create("jd", "DELIVERED", 1);
        String id = "app-" + UUID.randomUUID();
        Map<String, Object> who = Map.of("platformId", c.platformId());
        assertThat(Chat.replies(Chat.say(id, "APP", who, "我要退货"))).contains("申请退货");
        JsonPath opened = Chat.say(id, "APP", who, "确认");
        assertThat(Chat.replies(opened)).contains("退货申请");

        JsonPath returns = Orders.service("returns-service").get("/api/returns?orderId=" + c.orderId()).then()
                .statusCode(200).extract().jsonPath();
        String rma = returns.getString("[0].id");
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Orders.service("returns-service").body(Map.of("slotStart", start.toString(), "slotEnd",
                start.plus(2, ChronoUnit.HOURS).toString(), "carrier", "SF", "trackingNumber", "SF" + Orders.unique(),
                "origin", "北京市")).post("/api/returns/" + rma + "/pickup").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(String.join("\n", Chat.botTurns(id)))
                .contains(rma).contains("取件"));
        var out = KafkaTopics.await("channel.outbound", r -> id.equals(r.key()) && r.value().contains("取件"), 1,
                Duration.ofSeconds(30));
        assertThat(out.get(0).value()).contains("channel.message-sent", "\"lang\":\"zh\"");
    }
}
