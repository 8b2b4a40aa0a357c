package io.ordercare.dialog.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ordercare.dialog.flow.FlowCatalog;
import io.ordercare.dialog.platform.Orders;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conversation script of {@code scenarios/} end to end through POST /api/chat, against the real
 * order-gateway, returns-service, routing-service and logistics-watcher on the real Kafka and PostgreSQL, and
 * checks the replies and the effects (the order in order-gateway, its event on order.changes, a handoff on
 * dialog.events). Every flow must have a script in Chinese and in English.
 */
@QuarkusTest
class ScenarioTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static List<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyFlowHasScriptsInBothLanguages() throws Exception {
        Set<String> names = files().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        for (var flow : FlowCatalog.read()) {
            for (String lang : List.of("zh", "en")) {
                assertThat(names.stream().anyMatch(n -> n.startsWith(flow.id() + ".") && n.contains("." + lang + ".")))
                        .as("a %s script of flow %s", lang, flow.id()).isTrue();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            Scenario s = YAML.readValue(file.toFile(), Scenario.class);
            tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + s.name(), () -> run(s)));
        }
        return tests.stream();
    }

    void run(Scenario s) {
        Scenario.Fixture f = s.order();
        Orders.Customer customer = Orders.create(f.fixture(), f.status() == null ? "PLACED" : f.status(),
                f.count() == null ? 1 : f.count());
        Map<String, String> values = new HashMap<>();
        values.put("{number}", customer.number());
        values.put("{number2}", customer.numbers().size() > 1 ? customer.numbers().get(1) : "");
        values.put("{last4}", customer.last4());
        values.put("{wrongLast4}", customer.last4().equals("0000") ? "1111" : "0000");
        Map<String, Object> who = switch (s.customer() == null ? "phone" : s.customer()) {
            case "platform" -> Map.of("platformId", customer.platformId());
            case "email" -> Map.of("email", customer.email());
            default -> Map.of("phone", customer.phone());
        };
        String conversationId = "scenario-" + UUID.randomUUID();
        List<String> transcript = new ArrayList<>();
        for (Scenario.Step step : s.steps()) {
            if ("touchedByAgent".equals(step.before())) {
                Orders.touchedByAgent(customer.orderId());
            }
            String text = step.say();
            for (var v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            JsonPath answer = given().contentType("application/json")
                    .body(Map.of("conversationId", conversationId, "channel", s.channel() == null ? "CHAT" : s.channel(),
                            "customer", who, "text", text))
                    .post("/api/chat").then().statusCode(200).extract().jsonPath();
            List<String> replies = answer.getList("replies", String.class);
            String said = String.join("\n", replies);
            transcript.add("customer: " + text);
            replies.forEach(r -> transcript.add("bot: " + r));
            String where = s.name() + ", after \"" + text + "\"\n" + String.join("\n", transcript);
            if (step.intent() != null) {
                assertThat(answer.getString("intent")).as("intent; " + where).isEqualTo(step.intent());
            }
            for (String expected : step.replyContains() == null ? List.<String>of() : step.replyContains()) {
                String e = expected;
                for (var v : values.entrySet()) {
                    e = e.replace(v.getKey(), v.getValue());
                }
                assertThat(said).as("reply; " + where).contains(e);
            }
            for (String unexpected : step.replyNotContains() == null ? List.<String>of() : step.replyNotContains()) {
                assertThat(said).as("reply; " + where).doesNotContain(unexpected);
            }
            if (step.handedOff() != null) {
                assertThat(answer.getBoolean("handedOff")).as("handedOff; " + where).isEqualTo(step.handedOff());
            }
            if (Boolean.TRUE.equals(step.silent())) {
                assertThat(replies).as("the bot stays silent; " + where).isEmpty();
            }
        }
        Scenario.Expect expect = s.expect();
        if (expect == null) {
            return;
        }
        if (expect.order() != null) {
            JsonPath order = Orders.get(customer.orderId());
            expect.order().forEach((path, value) -> assertThat(String.valueOf(order.getString(path)))
                    .as("order %s %s after %s", customer.orderId(), path, s.name()).isEqualTo(value));
        }
        if (expect.orderEvent() != null) {
            KafkaTopics.await("order.changes", r -> customer.orderId().equals(r.key())
                    && r.value().contains("\"type\":\"" + expect.orderEvent() + "\""), 1, Duration.ofSeconds(30));
        }
        if (expect.handoff() != null) {
            List<?> handoffs = KafkaTopics.readAll("dialog.events", r -> conversationId.equals(r.key())
                    && r.value().contains("dialog.handoff-requested"));
            if (expect.handoff()) {
                KafkaTopics.await("dialog.events", r -> conversationId.equals(r.key())
                        && r.value().contains("dialog.handoff-requested"), 1, Duration.ofSeconds(30));
            } else {
                assertThat(handoffs).as("no handoff in " + s.name()).isEmpty();
            }
        }
        if (expect.verified() != null) {
            given().get("/api/conversations/" + conversationId).then().statusCode(200)
                    .body("verified", org.hamcrest.Matchers.is(expect.verified()));
        }
    }
}
