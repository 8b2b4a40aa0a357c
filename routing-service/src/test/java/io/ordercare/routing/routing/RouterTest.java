package io.ordercare.routing.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router();
    private final Priority priority = Priority.defaults();
    private final Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
    private int n;

    private void agent(String id, Set<String> skills, AgentStatus status, int chat, int active) {
        router.putAgent(new AgentSnapshot(id, skills, Set.of("zh"), status, Map.of(Channel.CHAT, chat),
                Map.of(Channel.CHAT, active)));
    }

    private Waiting waiting(String expression, Set<String> preferred, Urgency urgency, Instant since, Set<String> excluded) {
        String id = "h" + (++n);
        return new Waiting(id, "general", Channel.CHAT, Requirement.of(SkillExpression.ANY, SkillExpression.parse(expression),
                "zh", true), preferred, priority.rank(urgency, CustomerValue.STANDARD, since), since, since, excluded);
    }

    private String arrive(Waiting w) {
        router.enqueue(w);
        return router.routeArrival(w.handoffId()).map(Match::agentId).orElse(null);
    }

    @Test
    void arrivalGoesToTheLeastLoadedQualifiedAgent() {
        agent("busy", Set.of("returns"), AgentStatus.AVAILABLE, 4, 3);
        agent("idle", Set.of("returns"), AgentStatus.AVAILABLE, 4, 1);
        agent("unskilled", Set.of(), AgentStatus.AVAILABLE, 4, 0);

        assertThat(arrive(waiting("skills HAS 'returns'", Set.of(), Urgency.NORMAL, t0, Set.of()))).isEqualTo("idle");
    }

    @Test
    void preferredSkillsBeatLoad() {
        agent("generalist", Set.of(), AgentStatus.AVAILABLE, 4, 0);
        agent("vip", Set.of("vip"), AgentStatus.AVAILABLE, 4, 2);

        assertThat(arrive(waiting("", Set.of("vip"), Urgency.NORMAL, t0, Set.of()))).isEqualTo("vip");
    }

    @Test
    void busyAwayFullAndExcludedAgentsGetNoOffer() {
        agent("busy", Set.of(), AgentStatus.BUSY, 4, 0);
        agent("away", Set.of(), AgentStatus.AWAY, 4, 0);
        agent("full", Set.of(), AgentStatus.AVAILABLE, 2, 2);
        agent("declined", Set.of(), AgentStatus.AVAILABLE, 2, 0);

        Waiting w = waiting("", Set.of(), Urgency.NORMAL, t0, Set.of("declined"));
        assertThat(arrive(w)).isNull();
        assertThat(router.waitingCount()).isEqualTo(1);
    }

    @Test
    void capacityIsNeverHandedOutTwice() {
        agent("a", Set.of(), AgentStatus.AVAILABLE, 3, 0);
        int offered = 0;
        for (int i = 0; i < 10; i++) {
            if (arrive(waiting("", Set.of(), Urgency.NORMAL, t0, Set.of())) != null) {
                offered++;
            }
        }
        assertThat(offered).isEqualTo(3);
        assertThat(router.waitingCount()).isEqualTo(7);
        assertThat(router.reserve("a", Channel.CHAT)).isFalse();
    }

    @Test
    void aFreedSlotTakesTheHighestPriorityHandoffTheAgentQualifiesFor() {
        agent("a", Set.of("returns"), AgentStatus.AVAILABLE, 1, 1);
        Waiting low = waiting("", Set.of(), Urgency.LOW, t0, Set.of());
        Waiting critical = waiting("", Set.of(), Urgency.CRITICAL, t0.plusSeconds(60), Set.of());
        Waiting unqualified = waiting("skills HAS 'payments'", Set.of(), Urgency.CRITICAL, t0, Set.of());
        router.enqueue(low);
        router.enqueue(critical);
        router.enqueue(unqualified);

        router.release("a", Channel.CHAT);

        assertThat(router.routeFor("a")).extracting(Match::handoffId).containsExactly(critical.handoffId());
        assertThat(router.routeFor("a")).isEmpty();
    }

    @Test
    void qualifiesCountsBusyAgentsButNotAwayOnes() {
        agent("away", Set.of("vip"), AgentStatus.AWAY, 1, 0);
        Requirement vip = Requirement.of(SkillExpression.parse("skills HAS 'vip'"), SkillExpression.ANY, "zh", true);
        assertThat(router.qualifies(vip, Channel.CHAT)).isFalse();

        agent("busy", Set.of("vip"), AgentStatus.BUSY, 1, 0);
        assertThat(router.qualifies(vip, Channel.CHAT)).isTrue();
        assertThat(router.qualifies(vip, Channel.VOICE)).isFalse();
    }

    @Test
    void queueLoadsCountDepthAndOldest() {
        router.enqueue(waiting("", Set.of(), Urgency.LOW, t0, Set.of()));
        router.enqueue(waiting("", Set.of(), Urgency.LOW, t0.plusSeconds(30), Set.of()));

        assertThat(router.queueLoads().get("general")).isEqualTo(new Router.QueueLoad(2, t0));
    }
}
