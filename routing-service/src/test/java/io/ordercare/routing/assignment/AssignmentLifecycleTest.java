package io.ordercare.routing.assignment;

import static io.ordercare.routing.platform.Desk.agent;
import static io.ordercare.routing.platform.Desk.handoff;
import static io.ordercare.routing.platform.Desk.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordercare.routing.platform.Desk;
import io.ordercare.routing.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offered, accepted, rejected, timed out, transferred, resolved, handed back: each step and its event. */
@QuarkusTest
class AssignmentLifecycleTest {

    @Inject
    TestClock clock;

    @Inject
    Sweeper sweeper;

    private Sweeper.Result sweep() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());
    }

    @Test
    void offerNotAcceptedInTimeIsReofferedToAnotherAgent() throws Throwable {
        String tag = Desk.tag();
        String first = agent("first", List.of(tag), List.of("zh"), Map.of("CHAT", 2));
        JsonPath h = request(handoff(tag, b -> {
        }));
        assertThat(h.getString("agentId")).isEqualTo(first);
        String second = agent("second", List.of(tag), List.of("zh"), Map.of("CHAT", 2));

        clock.advance(Duration.ofSeconds(31));
        sweep();

        JsonPath after = Desk.handoffById(h.getString("id"));
        assertThat(after.getString("status")).isEqualTo("OFFERED");
        assertThat(after.getString("agentId")).isEqualTo(second);
        assertThat(after.getList("assignments.status", String.class)).containsExactly("TIMED_OUT", "OFFERED");
        Desk.events(h.getString("conversationId"), "routing.assignment-timed-out");
        // the slot of the first agent came back
        assertThat(given().get("/api/agents/" + first).then().extract().jsonPath().getInt("active.CHAT")).isZero();
    }

    @Test
    void rejectedOfferIsReofferedToAnotherAgent() {
        String tag = Desk.tag();
        String first = agent("first", List.of(tag), List.of("zh"), Map.of("CHAT", 2));
        JsonPath h = request(handoff(tag, b -> {
        }));
        String second = agent("second", List.of(tag), List.of("zh"), Map.of("CHAT", 2));

        Desk.step(Desk.liveAssignment(h), "reject", Map.of("note", "not my area"));

        JsonPath after = Desk.handoffById(h.getString("id"));
        assertThat(h.getString("agentId")).isEqualTo(first);
        assertThat(after.getString("agentId")).isEqualTo(second);
        Desk.events(h.getString("conversationId"), "routing.assignment-rejected");
    }

    @Test
    void transferToAnotherAgentKeepsTheContext() {
        String tag = Desk.tag();
        agent("first", List.of(tag), List.of("zh"), Map.of("CHAT", 2));
        JsonPath h = request(handoff(tag, b -> {
        }));
        String target = agent("specialist", List.of("payments"), List.of("zh"), Map.of("CHAT", 1));
        String assignment = Desk.liveAssignment(h);
        Desk.step(assignment, "accept", null);

        JsonPath after = Desk.step(assignment, "transfer", Map.of("toAgentId", target, "note", "payment question"));

        assertThat(after.getString("agentId")).isEqualTo(target);
        assertThat(after.getString("status")).isEqualTo("OFFERED");
        assertSameContext(h, after);
        assertThat(after.getList("assignments.status", String.class)).containsExactly("TRANSFERRED", "OFFERED");
        // the target sees it in their queue, with the transcript and the order
        JsonPath queue = given().get("/api/agents/" + target + "/queue").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getString("[0].handoff.order.id")).isEqualTo(h.getString("order.id"));
        assertThat(queue.getList("[0].handoff.transcript.text", String.class)).containsExactly("我的外套破了",
                "很抱歉，我帮您转人工客服。");
        JsonNode event = Desk.data(Desk.events(h.getString("conversationId"), "routing.assignment-transferred").get(0));
        assertThat(event.path("toAgentId").asText()).isEqualTo(target);
    }

    @Test
    void transferToAQueueKeepsTheContextAndOffersItThere() {
        String tag = Desk.tag();
        String first = agent("first", List.of(tag), List.of("zh"), Map.of("CHAT", 2));
        JsonPath h = request(handoff(tag, b -> {
        }));
        String assignment = Desk.liveAssignment(h);
        Desk.step(assignment, "accept", null);
        String payments = agent("payments", List.of(tag, "payments"), List.of("zh"), Map.of("CHAT", 2));

        JsonPath after = Desk.step(assignment, "transfer", Map.of("toQueue", "payments"));

        assertThat(after.getString("queue")).isEqualTo("payments");
        assertThat(after.getString("agentId")).isEqualTo(payments).isNotEqualTo(first);
        assertSameContext(h, after);
    }

    @Test
    void transferToAnAgentWithoutAFreeSlotIsRefused() {
        String tag = Desk.tag();
        agent("first", List.of(tag), List.of("zh"), Map.of("CHAT", 2));
        String assignment = Desk.liveAssignment(request(handoff(tag, b -> {
        })));
        Desk.step(assignment, "accept", null);
        String voiceOnly = agent("voice-only", List.of("x"), List.of("zh"), Map.of("VOICE", 2));

        given().contentType(ContentType.JSON).body(Map.of("toAgentId", voiceOnly))
                .post("/api/assignments/" + assignment + "/transfer")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void resolvedHandoffIsClosedAndTheSlotIsFree() {
        String tag = Desk.tag();
        String agent = agent("one", List.of(tag), List.of("zh"), Map.of("CHAT", 1));
        JsonPath h = request(handoff(tag, b -> {
        }));
        String assignment = Desk.liveAssignment(h);
        Desk.step(assignment, "accept", null);

        JsonPath after = Desk.step(assignment, "resolve", Map.of("note", "replacement sent"));

        assertThat(after.getString("status")).isEqualTo("RESOLVED");
        assertThat(given().get("/api/agents/" + agent).then().extract().jsonPath().getInt("active.CHAT")).isZero();
        Desk.events(h.getString("conversationId"), "routing.assignment-resolved");
    }

    @Test
    void handBackToTheBotPublishesHandedBack() {
        String tag = Desk.tag();
        agent("one", List.of(tag), List.of("zh"), Map.of("CHAT", 1));
        JsonPath h = request(handoff(tag, b -> {
        }));
        String assignment = Desk.liveAssignment(h);
        Desk.step(assignment, "accept", null);

        JsonPath after = Desk.step(assignment, "hand-back", Map.of("note", "address confirmed; bot can finish"));

        assertThat(after.getString("status")).isEqualTo("HANDED_BACK");
        JsonNode data = Desk.data(Desk.events(h.getString("conversationId"), "routing.handed-back").get(0));
        assertThat(data.path("note").asText()).isEqualTo("address confirmed; bot can finish");
        assertThat(data.path("handoffStatus").asText()).isEqualTo("HANDED_BACK");
    }

    @Test
    void acceptingAnOfferThatTimedOutIsAConflict() throws Throwable {
        String tag = Desk.tag();
        agent("slow", List.of(tag), List.of("zh"), Map.of("CHAT", 1));
        String assignment = Desk.liveAssignment(request(handoff(tag, b -> {
        })));
        clock.advance(Duration.ofSeconds(31));
        sweep();

        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN").body(Map.of())
                .post("/api/assignments/" + assignment + "/accept")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("当前状态下无法执行"));
    }

    @Test
    void waitPastTheQueueSlaOffersACallbackOnce() throws Throwable {
        String tag = Desk.tag();
        // the only VIP agent is busy: it waits in the VIP queue (SLA 30 s)
        String busy = agent("busy", List.of(tag, "vip"), List.of("zh"), Map.of("CHAT", 1));
        Desk.status(busy, "BUSY");
        JsonPath h = request(handoff(tag, b -> b.with("customer").put("value", "VIP")));
        assertThat(h.getString("queue")).isEqualTo("vip");
        assertThat(h.getString("status")).isEqualTo("WAITING");

        clock.advance(Duration.ofSeconds(31));
        sweep();
        sweep();

        var events = Desk.events(h.getString("conversationId"), "routing.callback-offered");
        JsonNode data = Desk.data(events.get(0));
        assertThat(data.path("slaSeconds").asInt()).isEqualTo(30);
        assertThat(data.path("message").path("zh").asText()).contains("回电");
        assertThat(data.path("message").path("en").asText()).contains("call you back");
        assertThat(Desk.handoffById(h.getString("id")).getString("callbackOfferedAt")).isNotNull();
        assertThat(io.ordercare.stack.KafkaTopics.readAll("routing.events",
                r -> h.getString("conversationId").equals(r.key()) && r.value().contains("routing.callback-offered")))
                .hasSize(1);
    }

    private static void assertSameContext(JsonPath before, JsonPath after) {
        assertThat(after.getString("id")).isEqualTo(before.getString("id"));
        assertThat(after.getString("summary")).isEqualTo(before.getString("summary"));
        assertThat(after.getString("order.id")).isEqualTo(before.getString("order.id"));
        assertThat(after.getString("customer.id")).isEqualTo(before.getString("customer.id"));
        assertThat(after.getList("transcript")).isEqualTo(before.getList("transcript"));
        assertThat(after.getDouble("sentiment")).isEqualTo(before.getDouble("sentiment"));
    }
}
