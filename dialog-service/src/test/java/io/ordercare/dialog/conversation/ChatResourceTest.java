package io.ordercare.dialog.conversation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.ordercare.dialog.platform.Orders;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** REST chat and the channel.inbound path: validation, one answer per message, replies on channel.outbound. */
@QuarkusTest
class ChatResourceTest {

    @Test
    void anInvalidMessageIsAProblemListingEveryFieldInTheCallersLanguage() {
        given().contentType("application/json").header("Accept-Language", "zh-CN")
                .body(Map.of("channel", "FAX", "customer", Map.of("phone", "12"), "text", ""))
                .post("/api/chat").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("channel", "customer.phone", "text"));
        given().contentType("application/json").body("{\"channel\": ").post("/api/chat").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void theSameMessageIdIsAnsweredOnceWithTheSameReplies() {
        Orders.Customer c = Orders.create("taobao", "PACKING", 1);
        Map<String, Object> body = Map.of("channel", "APP", "customer", Map.of("platformId", c.platformId()),
                "text", "我的订单到哪了", "messageId", "m-" + UUID.randomUUID());
        var first = given().contentType("application/json").body(body).post("/api/chat").then().statusCode(200)
                .extract().jsonPath();
        var again = given().contentType("application/json").body(body).post("/api/chat").then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getList("replies")).isEqualTo(first.getList("replies"));
        given().get("/api/conversations/" + first.getString("conversationId")).then().statusCode(200)
                .body("turns.size()", is(1 + first.getList("replies").size()));
    }

    @Test
    void aConversationIdOfAnotherCustomerIsRefused() {
        Orders.Customer a = Orders.create("taobao", "PLACED", 1);
        Orders.Customer b = Orders.create("taobao", "PLACED", 1);
        String id = given().contentType("application/json").body(Map.of("channel", "APP", "customer",
                Map.of("platformId", a.platformId()), "text", "你好")).post("/api/chat").then().statusCode(200)
                .extract().jsonPath().getString("conversationId");
        given().contentType("application/json").body(Map.of("conversationId", id, "channel", "APP", "customer",
                Map.of("platformId", b.platformId()), "text", "我的订单到哪了")).post("/api/chat").then().statusCode(409);
    }

    @Test
    void aMessageFromAnAdapterIsAnsweredOnChannelOutbound() {
        Orders.Customer c = Orders.create("jd", "CONFIRMED", 1);
        String conversation = "wechat-" + UUID.randomUUID();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/adapters/wechat","type":"channel.message-received",
                 "time":"2026-11-25T08:00:00Z","datacontenttype":"application/json",
                 "data":{"conversationId":"%s","channel":"SOCIAL","customer":{"platformId":"%s"},"text":"where is my order?"}}
                """.formatted(UUID.randomUUID(), conversation, c.platformId());
        KafkaTopics.send("channel.inbound", conversation, event);
        var out = KafkaTopics.await("channel.outbound", r -> conversation.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(out.get(0).value()).contains("channel.message-sent", "last 4 digits");
    }

    @Test
    void anUnreadableAdapterRecordGoesToTheDeadLetterTopicWithItsReason() {
        String key = "bad-" + UUID.randomUUID();
        KafkaTopics.send("channel.inbound", key, "{not json");
        KafkaTopics.send("channel.inbound", key + "-2", """
                {"specversion":"1.0","id":"x1","source":"/a","type":"channel.message-received","data":{"channel":"CHAT","text":"hi"}}""");
        var dead = KafkaTopics.await("channel.inbound.dlq", r -> r.key() != null && r.key().startsWith(key), 2,
                Duration.ofSeconds(30));
        List<String> reasons = dead.stream().map(r -> new String(r.headers().lastHeader("dead-letter-reason").value()))
                .toList();
        assertThat(reasons).anyMatch(r -> r.contains("not JSON")).anyMatch(r -> r.contains("customer required"));
    }

    @Test
    void theNluParseEndpointAnswersIntentLanguageAndEntities() {
        given().contentType("application/json").body(Map.of("text", "订单298765432101改成XL码"))
                .post("/api/nlu/parse").then().statusCode(200)
                .body("lang", is("zh"))
                .body("entities.type", hasItems("order_number", "size"));
        given().contentType("application/json").body(Map.of("text", "")).post("/api/nlu/parse").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }
}
