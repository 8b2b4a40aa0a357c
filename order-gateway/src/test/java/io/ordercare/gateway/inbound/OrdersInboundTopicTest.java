package io.ordercare.gateway.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.gateway.platform.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Platform orders arriving on the real {@code orders.inbound} topic. */
@QuarkusTest
class OrdersInboundTopicTest {

    @Test
    void orderFromTheTopicIsStoredOnceEvenWhenDeliveredTwice() {
        ObjectNode payload = TestOrders.jd("jd-order.json", o -> {
        });
        String event = cloudEvent("order.inbound.jd", payload);
        KafkaTopics.send("orders.inbound", payload.get("orderId").asText(), event);
        KafkaTopics.send("orders.inbound", payload.get("orderId").asText(), event);
        String account = "jd:" + payload.get("pin").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().queryParam("platformAccount", account).get("/api/orders").then().statusCode(200)
                        .extract().jsonPath().getList("id")).hasSize(1));
        // the second delivery is processed after the first; once a later record is through, it changed nothing
        ObjectNode marker = TestOrders.taobao();
        KafkaTopics.send("orders.inbound", "m", marker.toString(), "platform", "taobao");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().queryParam("platformAccount", "taobao:" + marker.get("buyer_nick").asText()).get("/api/orders")
                        .then().extract().jsonPath().getList("id")).hasSize(1));
        assertThat(given().queryParam("platformAccount", account).get("/api/orders").then().extract().jsonPath()
                .getList("id")).hasSize(1);
    }

    @Test
    void recordThatIsNotJsonGoesToTheDlqWithTheReason() {
        String key = "bad-" + UUID.randomUUID();
        KafkaTopics.send("orders.inbound", key, "this is not an order {");

        var dead = KafkaTopics.await("orders.inbound.dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        var reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(dead.get(0).value()).isEqualTo("this is not an order {");
    }

    @Test
    void invalidOrderGoesToTheDlqNamingTheFieldsAndTheConsumerGoesOn() {
        ObjectNode bad = TestOrders.taobao(o -> o.remove("receiver_name"));
        String key = "invalid-" + UUID.randomUUID();
        KafkaTopics.send("orders.inbound", key, bad.toString(), "platform", "taobao");
        ObjectNode good = TestOrders.taobao();
        KafkaTopics.send("orders.inbound", "good", good.toString(), "platform", "taobao");

        var dead = KafkaTopics.await("orders.inbound.dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("receiver_name");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().queryParam("platformAccount", "taobao:" + good.get("buyer_nick").asText()).get("/api/orders")
                        .then().extract().jsonPath().getList("id")).hasSize(1));
        assertThat(given().queryParam("platformAccount", "taobao:" + bad.get("buyer_nick").asText()).get("/api/orders")
                .then().extract().jsonPath().getList("id")).isEqualTo(List.of());
    }

    private static String cloudEvent(String type, ObjectNode data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/adapters/test","type":"%s",
                 "time":"2026-11-11T00:01:02Z","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, data.toString());
    }
}
