package io.ordercare.routing.handoff;

import static io.ordercare.routing.platform.Desk.agent;
import static io.ordercare.routing.platform.Desk.handoff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.routing.platform.Desk;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Handoffs requested by dialog-service on the real dialog.events topic. */
@QuarkusTest
class DialogEventsTest {

    private static String cloudEvent(String id, String type, ObjectNode data) {
        ObjectNode e = Desk.JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", id).put("source", "/dialog-service").put("type", type)
                .put("time", "2026-11-24T08:15:33Z").put("subject", data.path("conversationId").asText())
                .put("datacontenttype", "application/json").set("data", data);
        return e.toString();
    }

    @Test
    void handoffFromDialogEventsAppearsInAnAgentsQueueWithTranscriptAndOrder() {
        String tag = Desk.tag();
        String agent = agent("desk", List.of(tag), List.of("zh"), Map.of("CHAT", 2));
        ObjectNode data = handoff(tag, b -> b.remove("idempotencyKey"));
        String conversation = data.get("conversationId").asText();

        KafkaTopics.send("dialog.events", conversation, cloudEvent(UUID.randomUUID().toString(), "dialog.handoff-requested", data));

        JsonPath queue = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/agents/" + agent + "/queue").then().statusCode(200).extract().jsonPath(),
                q -> q.getList("$").size() == 1);
        assertThat(queue.getString("[0].handoff.conversationId")).isEqualTo(conversation);
        assertThat(queue.getString("[0].handoff.order.id")).isEqualTo(data.path("order").path("id").asText());
        assertThat(queue.getList("[0].handoff.transcript.text", String.class)).hasSize(2);
        assertThat(queue.getString("[0].assignment.status")).isEqualTo("OFFERED");
        Desk.events(conversation, "routing.assignment-offered");
    }

    @Test
    void redeliveredHandoffEventCreatesOneHandoff() {
        String tag = Desk.tag();
        ObjectNode data = handoff(tag, b -> b.remove("idempotencyKey"));
        String conversation = data.get("conversationId").asText();
        String event = cloudEvent(UUID.randomUUID().toString(), "dialog.handoff-requested", data);

        KafkaTopics.send("dialog.events", conversation, event);
        KafkaTopics.send("dialog.events", conversation, event);
        // a later record on the same partition is through, so both deliveries were handled
        ObjectNode marker = handoff(tag, b -> b.put("conversationId", conversation + "-marker").remove("idempotencyKey"));
        KafkaTopics.send("dialog.events", conversation, cloudEvent(UUID.randomUUID().toString(), "dialog.handoff-requested",
                marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> Desk.sql(
                "select count(*) from handoffs where conversation_id = '" + conversation + "-marker'").equals("1"));
        assertThat(Desk.sql("select count(*) from handoffs where conversation_id = '" + conversation + "'")).isEqualTo("1");
    }

    @Test
    void invalidHandoffEventGoesToTheDlqWithTheReasonAndTheConsumerGoesOn() {
        String tag = Desk.tag();
        String key = "bad-" + UUID.randomUUID();
        ObjectNode bad = handoff(tag, b -> b.remove("channel"));
        KafkaTopics.send("dialog.events", key, cloudEvent(UUID.randomUUID().toString(), "dialog.handoff-requested", bad));
        KafkaTopics.send("dialog.events", key + "-json", "{ not json");
        ObjectNode good = handoff(tag, b -> {
        });
        KafkaTopics.send("dialog.events", key, cloudEvent(UUID.randomUUID().toString(), "dialog.handoff-requested", good));

        var dead = KafkaTopics.await("dialog.events.dlq", r -> r.key() != null && r.key().startsWith(key), 2,
                Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).anySatisfy(reason -> assertThat(reason).contains("channel required"))
                .anySatisfy(reason -> assertThat(reason).startsWith("not JSON"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Desk.sql("select count(*) from handoffs where conversation_id = '"
                + good.get("conversationId").asText() + "'").equals("1"));
    }

    @Test
    void otherDialogEventTypesAreIgnored() {
        String tag = Desk.tag();
        ObjectNode data = handoff(tag, b -> {
        });
        String conversation = data.get("conversationId").asText();
        KafkaTopics.send("dialog.events", conversation, cloudEvent(UUID.randomUUID().toString(), "dialog.turn-recorded", data));
        ObjectNode marker = handoff(tag, b -> b.put("conversationId", conversation + "-marker"));
        KafkaTopics.send("dialog.events", conversation, cloudEvent(UUID.randomUUID().toString(), "dialog.handoff-requested",
                marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> Desk.sql(
                "select count(*) from handoffs where conversation_id = '" + conversation + "-marker'").equals("1"));
        assertThat(Desk.sql("select count(*) from handoffs where conversation_id = '" + conversation + "'")).isEqualTo("0");
        assertThat(KafkaTopics.readAll("dialog.events.dlq", r -> conversation.equals(r.key()))).isEmpty();
    }
}
