package io.ordercare.dialog.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.ordercare.dialog.campaign.Campaign;
import io.ordercare.dialog.campaign.CampaignKind;
import io.ordercare.dialog.dialer.SimulatedCall;
import io.ordercare.dialog.dialer.TelephonySimulator;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The phone robot as its users drive it in tests: campaigns over REST, contacts of an order, the simulator's calls. */
public final class Calls {

    private Calls() {
    }

    /** A campaign started by hand; 201 expected. */
    public static JsonPath campaign(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/campaigns")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The contacts about an order (all campaigns). */
    public static List<Map<String, Object>> contacts(String orderId) {
        return given().get("/api/orders/" + orderId + "/contacts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The standing campaign of a kind (fed by events). */
    public static String standing(CampaignKind kind) {
        return Campaign.standingId(kind).toString();
    }

    /** The order's contact in the campaign, once it has one. */
    public static Map<String, Object> contact(String campaignId, String orderId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> find(campaignId, orderId).isPresent());
        return find(campaignId, orderId).get();
    }

    /** Waits until the order's contact in the campaign is done; its outcome. */
    public static String outcome(String campaignId, String orderId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(campaignId, orderId).map(c -> "DONE".equals(c.get("status"))).orElse(false));
        return (String) find(campaignId, orderId).get().get("outcome");
    }

    private static Optional<Map<String, Object>> find(String campaignId, String orderId) {
        return contacts(orderId).stream().filter(c -> campaignId.equals(c.get("campaignId"))).findFirst();
    }

    /** The calls to the number, each once its platform reported its end (busy, no answer, completed...). */
    public static List<SimulatedCall> ended(TelephonySimulator simulator, String phone, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> to(simulator, phone).size() >= count
                && to(simulator, phone).stream().allMatch(c -> !c.exchanges(SimulatedCall.Kind.STATUS).isEmpty()));
        return to(simulator, phone);
    }

    /** The order as order-gateway has it now. */
    public static JsonPath order(String orderId) {
        return Orders.gateway().get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    /** The simulator's calls to a number, oldest first. */
    public static List<SimulatedCall> to(TelephonySimulator simulator, String phone) {
        return simulator.calls().stream().filter(c -> phone.equals(c.to())).toList();
    }

    /** The TwiML answers of one call (answer and gathers), in order. */
    public static List<String> twiml(SimulatedCall call) {
        return call.exchanges().stream().filter(e -> e.kind() != SimulatedCall.Kind.STATUS)
                .map(SimulatedCall.Exchange::responseXml).toList();
    }

    public static void cancelAll(List<String> campaignIds) {
        for (String id : campaignIds) {
            given().post("/api/campaigns/" + id + "/cancel");
        }
        campaignIds.clear();
    }
}
