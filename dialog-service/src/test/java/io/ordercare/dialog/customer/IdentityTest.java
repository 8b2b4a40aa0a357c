package io.ordercare.dialog.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.dialog.platform.Chat;
import io.ordercare.dialog.platform.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One customer reached on two channels is one customer with one history: the second profile is merged into the
 * first with the evidence, the merge can be undone, and an undone merge is not made again by itself.
 */
@QuarkusTest
class IdentityTest {

    @Test
    void twoChannelsOfOneCustomerAreMergedWithEvidenceAndTheMergeCanBeUndone() {
        Orders.Customer c = Orders.create("taobao", "CONFIRMED", 1);
        String web = "web-" + UUID.randomUUID();
        Chat.say(web, "CHAT", Map.of("phone", c.phone()), "我的订单到哪了");
        Chat.say(web, "CHAT", Map.of("phone", c.phone()), c.last4());
        String first = Chat.conversation(web).getString("profileId");

        String app = "app-" + UUID.randomUUID();
        JsonPath answer = Chat.say(app, "APP", Map.of("platformId", c.platformId()), "where is my order?");
        assertThat(Chat.replies(answer)).contains(c.number());
        String second = Chat.conversation(app).getString("profileId");
        assertThat(second).isNotEqualTo(first);

        JsonPath profile = given().get("/api/customers/" + first).then().statusCode(200).extract().jsonPath();
        assertThat(profile.getList("identities.kind", String.class)).containsExactlyInAnyOrder("PHONE", "PLATFORM");
        assertThat(profile.getList("conversations", String.class)).containsExactlyInAnyOrder(web, app);
        assertThat(profile.getList("merges.evidence", String.class)).singleElement().asString()
                .contains("order-gateway customer", "PLATFORM").doesNotContain(c.platformId());
        assertThat(profile.getString("identities.find { it.kind == 'PHONE' }.value")).doesNotContain(c.phone());
        String merge = profile.getString("merges[0].id");

        given().contentType("application/json").body(Map.of("actor", "agent:7")).post("/api/customers/merges/" + merge + "/undo")
                .then().statusCode(200);
        assertThat(given().get("/api/customers/" + first).then().statusCode(200).extract().jsonPath()
                .getList("identities.kind", String.class)).containsExactly("PHONE");
        assertThat(given().get("/api/customers/" + second).then().statusCode(200).extract().jsonPath()
                .getList("identities.kind", String.class)).containsExactly("PLATFORM");
        given().contentType("application/json").body(Map.of("actor", "agent:7")).post("/api/customers/merges/" + merge + "/undo")
                .then().statusCode(409).contentType(org.hamcrest.Matchers.containsString("application/problem+json"));

        // the customer writes again from the app: not merged again by itself
        Chat.say("app2-" + UUID.randomUUID(), "APP", Map.of("platformId", c.platformId()), "where is my order?");
        List<String> merges = given().get("/api/customers/" + first).then().statusCode(200).extract().jsonPath()
                .getList("merges.id", String.class);
        assertThat(merges).containsExactly(merge);
    }

    @Test
    void anUndoNeedsAnActorAndAnExistingMerge() {
        given().contentType("application/json").body(Map.of()).post("/api/customers/merges/" + UUID.randomUUID() + "/undo")
                .then().statusCode(400);
        given().contentType("application/json").body(Map.of("actor", "agent:7"))
                .post("/api/customers/merges/" + UUID.randomUUID() + "/undo").then().statusCode(404);
    }
}
