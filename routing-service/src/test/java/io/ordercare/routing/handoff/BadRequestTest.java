package io.ordercare.routing.handoff;

import static io.ordercare.routing.platform.Desk.handoff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.proto.routing.v1.RequestHandoffRequest;
import io.ordercare.proto.routing.v1.RoutingServiceGrpc;
import io.ordercare.routing.platform.Desk;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invalid requests are refused with every invalid field named, and leave nothing behind. */
@QuarkusTest
class BadRequestTest {

    @GrpcClient("routing")
    RoutingServiceGrpc.RoutingServiceBlockingStub routing;

    @Test
    void invalidHandoffIsRejectedWithFieldErrorsAndNothingIsStored() {
        String tag = Desk.tag();
        var body = handoff(tag, b -> {
            b.remove("idempotencyKey");
            b.put("channel", "FAX");
            b.put("urgency", "SOMEDAY");
            b.put("sentiment", 3.5);
            b.put("queue", "nowhere");
            b.put("skillExpression", "skills HAS 'returns' AND");
            b.with("customer").put("language", "fr");
            b.withArray("transcript").addObject().put("speaker", "narrator").put("at", "yesterday");
        });

        given().contentType(ContentType.JSON).body(body.toString()).post("/api/handoffs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("idempotencyKey", "channel", "urgency", "sentiment", "queue", "skillExpression",
                        "customer.language", "transcript[2].speaker", "transcript[2].text", "transcript[2].at"))
                .body("errors.find { it.field == 'skillExpression' }.code", equalTo("invalid_skill_expression"));

        assertThat(Desk.sql("select count(*) from handoffs where conversation_id = '" + body.get("conversationId").asText() + "'"))
                .isEqualTo("0");
    }

    @Test
    void problemsAreInChineseWhenTheCallerPrefersIt() {
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN,zh;q=0.9").body(Map.of("channel", "CHAT"))
                .post("/api/handoffs")
                .then().statusCode(400).body("title", equalTo("请求无效"))
                .body("errors.find { it.field == 'conversationId' }.message", equalTo("为必填项"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"conversationId\": ").post("/api/handoffs")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void invalidGrpcHandoffIsInvalidArgumentNamingTheFields() {
        assertThatThrownBy(() -> routing.requestHandoff(RequestHandoffRequest.newBuilder()
                .setConversationId("conv-bad-" + Desk.tag()).setSkillExpression("skills HAS").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("idempotencyKey: required", "channel: required",
                            "skillExpression: invalid_skill_expression");
                });
    }

    @Test
    void invalidAgentIsRejectedWithFieldErrors() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "skills", java.util.List.of("Returns!"), "languages", java.util.List.of("de"),
                        "capacity", Map.of("CHAT", 99, "PIGEON", 1)))
                .post("/api/agents")
                .then().statusCode(400)
                .body("errors.field", hasItems("name", "skills[0]", "languages[0]", "capacity.CHAT", "capacity.PIGEON"));
    }

    @Test
    void unknownHandoffIsNotFound() {
        given().get("/api/handoffs/no-such-handoff").then().statusCode(404).contentType("application/problem+json");
    }
}
