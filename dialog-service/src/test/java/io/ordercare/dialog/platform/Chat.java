package io.ordercare.dialog.platform;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** One customer line through POST /api/chat. */
public final class Chat {

    private Chat() {
    }

    public static JsonPath say(String conversationId, String channel, Map<String, Object> customer, String text) {
        return given().contentType("application/json")
                .body(Map.of("conversationId", conversationId, "channel", channel, "customer", customer, "text", text))
                .post("/api/chat").then().statusCode(200).extract().jsonPath();
    }

    public static String replies(JsonPath answer) {
        return String.join("\n", answer.getList("replies", String.class));
    }

    public static JsonPath conversation(String id) {
        return given().get("/api/conversations/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static List<String> botTurns(String id) {
        return conversation(id).getList("turns.findAll { it.speaker == 'bot' }.text", String.class);
    }
}
