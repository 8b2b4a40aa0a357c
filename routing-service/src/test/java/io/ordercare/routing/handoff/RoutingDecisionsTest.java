package io.ordercare.routing.handoff;

import static io.ordercare.routing.platform.Desk.agent;
import static io.ordercare.routing.platform.Desk.handoff;
import static io.ordercare.routing.platform.Desk.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.routing.platform.Desk;
import io.ordercare.routing.platform.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who gets a handoff: skills, languages, category specialists, fallback, priority. */
@QuarkusTest
class RoutingDecisionsTest {

    @Inject
    TestClock clock;

    @Test
    void handoffGoesToAnAgentWithTheSkillAndTheCustomersLanguage() {
        String tag = Desk.tag();
        agent("returns-en", List.of(tag, "returns"), List.of("en"), Map.of("CHAT", 3));
        agent("payments-zh", List.of(tag, "payments"), List.of("zh"), Map.of("CHAT", 3));
        String returnsZh = agent("returns-zh", List.of(tag, "returns"), List.of("zh", "en"), Map.of("CHAT", 3));

        JsonPath h = request(handoff(tag, b -> b.put("intent", "return")));

        assertThat(h.getString("queue")).isEqualTo("returns");
        assertThat(h.getString("status")).isEqualTo("OFFERED");
        assertThat(h.getString("agentId")).isEqualTo(returnsZh);
    }

    @Test
    void explicitSkillExpressionWithOrAndNotIsHonoured() {
        String tag = Desk.tag();
        agent("trainee", List.of(tag, "payments", "trainee"), List.of("zh"), Map.of("CHAT", 3));
        agent("english-only", List.of(tag, "payments"), List.of("en"), Map.of("CHAT", 3));
        String senior = agent("senior", List.of(tag, "vip"), List.of("zh"), Map.of("CHAT", 3));

        JsonPath h = request(handoff(tag, b -> b.put("skillExpression",
                "skills HAS '" + tag + "' AND (skills HAS 'payments' OR skills HAS 'vip') AND NOT skills HAS 'trainee' "
                        + "AND languages HAS 'zh'")));

        assertThat(h.getString("agentId")).isEqualTo(senior);
    }

    @Test
    void freshFoodAndLargeApplianceOrdersGoToTheirSpecialists() {
        String tag = Desk.tag();
        // the generalist is the least loaded, yet the specialists get their categories
        agent("generalist", List.of(tag), List.of("zh"), Map.of("CHAT", 10));
        String fresh = agent("fresh", List.of(tag, "fresh_food"), List.of("zh"), Map.of("CHAT", 2));
        String appliances = agent("appliances", List.of(tag, "large_appliances"), List.of("zh"), Map.of("CHAT", 2));

        JsonPath freshHandoff = request(handoff(tag, b -> b.with("order").put("category", "fresh")));
        JsonPath fridgeHandoff = request(handoff(tag, b -> b.with("order").put("category", "large_appliance")));

        assertThat(freshHandoff.getString("queue")).isEqualTo("fresh-food");
        assertThat(freshHandoff.getString("agentId")).isEqualTo(fresh);
        assertThat(fridgeHandoff.getString("queue")).isEqualTo("large-appliances");
        assertThat(fridgeHandoff.getString("agentId")).isEqualTo(appliances);
    }

    @Test
    void handoffNobodyQualifiesForGoesToTheFallbackQueue() {
        String tag = Desk.tag();
        // nobody speaks zh and nobody knows fresh food: fresh-food -> general -> fallback (language relaxed)
        String englishOnly = agent("english-only", List.of(tag), List.of("en"), Map.of("CHAT", 2));

        JsonPath h = request(handoff(tag, b -> b.with("order").put("category", "fresh")));

        assertThat(h.getString("queue")).isEqualTo("fallback");
        assertThat(h.getString("agentId")).isEqualTo(englishOnly);
    }

    @Test
    void anOldLowUrgencyHandoffOvertakesANewerUrgentOneAfterWaitingLongEnough() {
        String tag = Desk.tag();
        String agent = agent("single-slot", List.of(tag), List.of("zh"), Map.of("CHAT", 1));
        JsonPath first = request(handoff(tag, b -> {
        }));
        String busy = Desk.liveAssignment(first);
        Desk.step(busy, "accept", null);

        JsonPath low = request(handoff(tag, b -> b.put("urgency", "LOW")));
        // 2 points a minute: after 16 minutes LOW (0 + 32) is ahead of a brand-new HIGH (30)
        clock.advance(Duration.ofMinutes(16));
        JsonPath high = request(handoff(tag, b -> b.put("urgency", "HIGH")));
        assertThat(low.getString("status")).isEqualTo("WAITING");
        assertThat(high.getString("status")).isEqualTo("WAITING");

        Desk.step(busy, "resolve", null);

        assertThat(Desk.handoffById(low.getString("id")).getString("agentId")).isEqualTo(agent);
        assertThat(Desk.handoffById(high.getString("id")).getString("status")).isEqualTo("WAITING");
    }

    @Test
    void aNewerUrgentHandoffGoesFirstWhileTheOlderOneHasNotWaitedLong() {
        String tag = Desk.tag();
        String agent = agent("single-slot", List.of(tag), List.of("zh"), Map.of("CHAT", 1));
        String busy = Desk.liveAssignment(request(handoff(tag, b -> {
        })));
        Desk.step(busy, "accept", null);

        JsonPath low = request(handoff(tag, b -> b.put("urgency", "LOW")));
        clock.advance(Duration.ofMinutes(5));
        JsonPath high = request(handoff(tag, b -> b.put("urgency", "HIGH")));

        Desk.step(busy, "resolve", null);

        assertThat(Desk.handoffById(high.getString("id")).getString("agentId")).isEqualTo(agent);
        assertThat(Desk.handoffById(low.getString("id")).getString("status")).isEqualTo("WAITING");
    }
}
