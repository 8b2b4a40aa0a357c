package io.ordercare.routing.agent;

import static io.ordercare.routing.platform.Desk.agent;
import static io.ordercare.routing.platform.Desk.handoff;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.routing.platform.Desk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agent desk's live feed. */
@QuarkusTest
class AgentDeskTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void offerIsPushedToTheAgentsEventStream() throws Exception {
        String tag = Desk.tag();
        String agent = agent("live", List.of(tag), List.of("zh"), Map.of("CHAT", 1));
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<Void> opened = new CompletableFuture<>();
        CompletableFuture<String> offered = client.sendAsync(HttpRequest.newBuilder(
                base.resolve("/api/agents/" + agent + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApplyAsync(response -> response.body()
                        .filter(l -> l.startsWith("data:"))
                        .peek(l -> opened.complete(null))
                        .filter(l -> l.contains("routing.assignment-offered")).findFirst().orElse(""));
        opened.get(30, TimeUnit.SECONDS);

        JsonPath h = Desk.request(handoff(tag, b -> {
        }));

        String event = offered.get(30, TimeUnit.SECONDS);
        assertThat(event).contains(h.getString("id")).contains("\"status\":\"OFFERED\"");
    }
}
