package io.ordercare.routing.platform;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.stack.RealStackTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the tests do over the real API: create agents, request handoffs, act on assignments, read the
 * database and routing.events. Every test tags its agents and handoffs with a skill of its own
 * ({@link #tag()}), so tests sharing one application never route to each other's agents.
 */
public final class Desk {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Desk() {
    }

    /** A skill no other test uses. */
    public static String tag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String agent(String name, List<String> skills, List<String> languages, Map<String, Integer> capacity) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "skills", skills, "languages", languages, "capacity", capacity))
                .post("/api/agents").then().statusCode(201).extract().path("id");
    }

    public static void status(String agentId, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status)).post("/api/agents/" + agentId + "/status")
                .then().statusCode(200);
    }

    /** A handoff request body for a test's tag: chat, zh, normal urgency, with a transcript and an order. */
    public static ObjectNode handoff(String tag, Consumer<ObjectNode> customise) {
        String conversation = "conv-" + UUID.randomUUID();
        ObjectNode h = JSON.createObjectNode();
        h.put("idempotencyKey", conversation + ":handoff");
        h.put("conversationId", conversation);
        h.putObject("customer").put("id", "cus-" + UUID.randomUUID()).put("language", "zh").put("value", "STANDARD");
        h.put("channel", "CHAT");
        h.putObject("order").put("id", "ord-" + UUID.randomUUID()).put("category", "apparel");
        h.put("intent", "complaint");
        h.put("summary", "Customer says the jacket arrived torn and wants help.");
        ArrayNode t = h.putArray("transcript");
        t.addObject().put("speaker", "customer").put("text", "我的外套破了").put("at", "2026-11-24T08:15:30Z");
        t.addObject().put("speaker", "bot").put("text", "很抱歉，我帮您转人工客服。").put("at", "2026-11-24T08:15:32Z");
        h.put("sentiment", -0.6);
        h.put("urgency", "NORMAL");
        h.put("skillExpression", "skills HAS '" + tag + "'");
        customise.accept(h);
        return h;
    }

    public static JsonPath request(ObjectNode body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post("/api/handoffs").then()
                .statusCode(201).extract().jsonPath();
    }

    public static JsonPath handoffById(String id) {
        return given().get("/api/handoffs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The id of the handoff's live (offered or accepted) assignment. */
    public static String liveAssignment(JsonPath handoff) {
        List<Map<String, Object>> as = handoff.getList("assignments");
        return as.stream().filter(a -> "OFFERED".equals(a.get("status")) || "ACCEPTED".equals(a.get("status")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow(() -> new AssertionError("no live assignment"));
    }

    public static JsonPath step(String assignmentId, String step, Object body) {
        return given().contentType(ContentType.JSON).body(body == null ? Map.of() : body)
                .post("/api/assignments/" + assignmentId + "/" + step).then().statusCode(200).extract().jsonPath();
    }

    /** SQL as the superuser in the routing database; rows one a line, columns separated by '|'. */
    public static String sql(String query) {
        return RealStackTestResource.psql("routing", query).strip();
    }

    /** The routing.events of one conversation with the given type (waits for at least one). */
    public static List<ConsumerRecord<String, String>> events(String conversationId, String type) {
        return KafkaTopics.await("routing.events", r -> conversationId.equals(r.key()) && r.value().contains("\"" + type + "\""),
                1, Duration.ofSeconds(30));
    }

    /** The data of a CloudEvent record. */
    public static com.fasterxml.jackson.databind.JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("data");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }
}
