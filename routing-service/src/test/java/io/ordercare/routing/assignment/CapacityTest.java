package io.ordercare.routing.assignment;

import static io.ordercare.routing.platform.Desk.agent;
import static io.ordercare.routing.platform.Desk.handoff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.routing.platform.Desk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No agent is ever offered more conversations than their capacity, however many arrive at once. */
@QuarkusTest
class CapacityTest {

    private static final int AGENTS = 10;
    private static final int CAPACITY = 3;
    private static final int HANDOFFS = 200;

    @Test
    void twoHundredConcurrentHandoffsNeverPutAnAgentOverCapacity() throws Exception {
        String tag = Desk.tag();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(agent("agent-" + i, List.of(tag), List.of("zh"), Map.of("CHAT", CAPACITY, "VOICE", 1)));
        }
        String agentList = "'" + String.join("','", agents) + "'";

        List<Integer> statuses = concurrently(HANDOFFS, i -> given().contentType(ContentType.JSON)
                .body(handoff(tag, b -> b.put("urgency", i % 2 == 0 ? "HIGH" : "LOW")).toString())
                .post("/api/handoffs").then().extract().statusCode());

        assertThat(statuses).containsOnly(201);
        assertWithinCapacity(agentList);
        assertThat(Desk.sql("select count(*) from assignments where agent_id in (" + agentList + ") and status = 'OFFERED'"))
                .isEqualTo(String.valueOf(AGENTS * CAPACITY));

        // now every agent accepts and resolves at once while 170 wait: each freed slot is re-offered at once
        List<String> live = List.of(Desk.sql("select id from assignments where agent_id in (" + agentList
                + ") and status = 'OFFERED'").split("\n"));
        List<Integer> resolved = concurrently(live.size(), i -> {
            given().contentType(ContentType.JSON).body(Map.of()).post("/api/assignments/" + live.get(i) + "/accept")
                    .then().statusCode(200);
            return given().contentType(ContentType.JSON).body(Map.of()).post("/api/assignments/" + live.get(i) + "/resolve")
                    .then().extract().statusCode();
        });

        assertThat(resolved).containsOnly(200);
        assertWithinCapacity(agentList);
        assertThat(Desk.sql("select count(*) from assignments where agent_id in (" + agentList + ") and status = 'OFFERED'"))
                .isEqualTo(String.valueOf(AGENTS * CAPACITY));
        assertThat(Desk.sql("select count(*) from handoffs where skill_expression like '%" + tag + "%' and status = 'WAITING'"))
                .isEqualTo(String.valueOf(HANDOFFS - 2 * AGENTS * CAPACITY));
    }

    /** From the database: live assignments per agent never above capacity, and the counted load matches them. */
    private static void assertWithinCapacity(String agentList) {
        String overCapacity = Desk.sql("""
                select c.agent_id, c.capacity, c.active, count(a.id)
                from agent_channels c left join assignments a
                  on a.agent_id = c.agent_id and a.channel = c.channel and a.status in ('OFFERED', 'ACCEPTED')
                where c.agent_id in (%s)
                group by c.agent_id, c.capacity, c.active
                having count(a.id) > c.capacity or c.active <> count(a.id)
                """.formatted(agentList));
        assertThat(overCapacity).isEmpty();
    }

    private interface Call {
        int run(int i) throws Exception;
    }

    /** Runs n calls at once (all released together) and returns their results. */
    private static List<Integer> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(k);
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
