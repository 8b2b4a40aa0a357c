package io.ordercare.dialog.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.dialog.campaign.Campaign;
import io.ordercare.dialog.campaign.CampaignKind;
import io.ordercare.dialog.campaign.ContactBook;
import io.ordercare.dialog.dialer.Reply;
import io.ordercare.dialog.dialer.ScriptedCustomer;
import io.ordercare.dialog.dialer.TelephonySimulator;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.dialog.platform.Calls;
import io.ordercare.dialog.platform.Orders;
import io.ordercare.dialog.platform.TestClock;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contacts the suite starts by itself from order-gateway's changes and logistics-watcher's alerts (the standing
 * campaigns, paused in tests until a test resumes the one it needs), the best time to call, live progress and the
 * campaign controls.
 */
@QuarkusTest
class OutreachTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TelephonySimulator simulator;

    @Inject
    TestClock clock;

    @Inject
    ContactBook contacts;

    @Inject
    OrderClient orders;

    final List<String> campaigns = new ArrayList<>();
    final List<CampaignKind> resumed = new ArrayList<>();

    @BeforeEach
    void morningInShanghai() {
        clock.setLocal(SHANGHAI, LocalTime.of(10, 30));
    }

    @AfterEach
    void cleanUp() {
        for (CampaignKind kind : resumed) {
            given().post("/api/campaigns/" + Campaign.standingId(kind) + "/pause").then().statusCode(200);
        }
        resumed.clear();
        Calls.cancelAll(campaigns);
        clock.reset();
    }

    private void resume(CampaignKind kind) {
        given().post("/api/campaigns/" + Campaign.standingId(kind) + "/resume").then().statusCode(200)
                .body("status", is("RUNNING"));
        resumed.add(kind);
    }

    /** A one-line Taobao T-shirt order of a new customer: {@code quantity} × {@code sku} at {@code unit} yuan paid. */
    private static java.util.function.Consumer<ObjectNode> tee(String sku, int quantity, String listPrice, String paid) {
        java.math.BigDecimal listed = new java.math.BigDecimal(listPrice).multiply(java.math.BigDecimal.valueOf(quantity));
        String total = listed.setScale(2).toPlainString();
        String discount = listed.subtract(new java.math.BigDecimal(paid)).setScale(2).toPlainString();
        return o -> {
            ArrayNode lines = (ArrayNode) o.get("orders").get("order");
            ObjectNode line = (ObjectNode) lines.get(0);
            lines.removeAll();
            lines.add(line);
            line.put("outer_sku_id", sku);
            line.put("num", quantity);
            line.put("price", listPrice);
            line.put("total_fee", total);
            line.put("discount_fee", discount);
            line.put("payment", paid);
            line.put("divide_order_fee", paid);
            o.put("total_fee", total);
            o.put("discount_fee", discount);
            o.put("post_fee", "0.00");
            o.put("payment", paid);
        };
    }

    @Test
    void aFreshOrderOfANewCustomerGetsAConfirmationCallPlannedFromOrderChanges() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        Map<String, Object> contact = Calls.contact(Calls.standing(CampaignKind.CONFIRMATION), c.orderId());
        assertThat(contact.get("channel")).isEqualTo("CALL");
        assertThat(contact.get("zone")).isEqualTo("Asia/Shanghai");
        assertThat(contact.get("lang")).isEqualTo("zh");
        assertThat((String) contact.get("phone")).endsWith(c.last4()).doesNotContain(c.phone());
        // the standing campaign is paused in tests: planned, not dialled
        assertThat(contact.get("status")).isEqualTo("PENDING");
        assertThat(Calls.to(simulator, c.phone())).isEmpty();
    }

    @Test
    void aShortItemIsReplacedByTheSubstituteTheCustomerChoseAndTheOrderConfirmed() throws Exception {
        String sku = "TEE-" + Orders.unique();
        String substitute = sku + "-ALT";
        KafkaTopics.send("inventory.levels", sku, JSON.createObjectNode().put("sku", sku).put("available", 0)
                .put("restockEta", "2026-12-20").put("name", "纯棉短袖T恤").put("category", "apparel")
                .put("unitPriceMinor", 8900).put("currency", "CNY").toString());
        KafkaTopics.send("inventory.levels", substitute, JSON.createObjectNode().put("sku", substitute).put("available", 50)
                .put("name", "精梳棉圆领T恤").put("category", "apparel").put("unitPriceMinor", 9500).put("currency", "CNY")
                .put("size", "M").put("colour", "红色").toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stock(List.of(sku, substitute)).await()
                .indefinitely().stream().allMatch(l -> l.getKnown()));
        resume(CampaignKind.STOCK_SHORTAGE);

        Orders.Customer c = Orders.create("taobao", "PLACED", 1, tee(sku, 2, "89.00", "178.00"));
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("换一个吧"), Reply.say("第一个")));
        assertThat(Calls.order(c.orderId()).getList("flags.kind")).contains("STOCK_SHORTAGE");

        assertThat(Calls.outcome(Calls.standing(CampaignKind.STOCK_SHORTAGE), c.orderId())).isEqualTo("SUBSTITUTED");
        JsonPath order = Calls.order(c.orderId());
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getString("items[0].sku")).isEqualTo(substitute);
        assertThat(order.getLong("items[0].unitPriceMinor")).isEqualTo(8900); // never dearer than what was paid
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(0)).contains("暂时缺货", "12月20日", "step=stock_choice");
        assertThat(xml.get(1)).contains("1：精梳棉圆领T恤（红色/M），¥89.00", "step=substitute_choice");
        assertThat(xml.get(2)).contains("已为您更换为精梳棉圆领T恤", "<Hangup/>");
        // no confirmation call of its own: the stock call confirmed it
        assertThat(Calls.contacts(c.orderId())).extracting(m -> m.get("kind")).containsExactly("STOCK_SHORTAGE");
    }

    @Test
    void aCustomerWhoAgreesToTheCorrectPriceGetsItAdjustedAndTheOrderConfirmed() {
        resume(CampaignKind.PRICE_ANOMALY);
        Orders.Customer c = Orders.create("taobao", "PLACED", 1, tee("TEE-" + Orders.unique(), 2, "99.00", "2.00"));
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("可以，同意")));

        assertThat(Calls.outcome(Calls.standing(CampaignKind.PRICE_ANOMALY), c.orderId())).isEqualTo("PRICE_ACCEPTED");
        JsonPath order = Calls.order(c.orderId());
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getLong("items[0].unitPriceMinor")).isEqualTo(9900);
        assertThat(order.getBoolean("flags.find { it.kind == 'PRICE_ANOMALY' }.resolved")).isTrue();
        // audited in order-gateway, with the robot as the actor
        Orders.gateway().get("/api/orders/" + c.orderId() + "/audit").then().statusCode(200)
                .body("field", hasItems("PRICE"));
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(0)).contains("¥1.00", "¥99.00", "step=price_consent");
        assertThat(xml.get(1)).contains("价格已调整为¥99.00", "<Hangup/>");
    }

    @Test
    void aCustomerWhoRefusesTheCorrectPriceIsPutThroughToAPerson() {
        resume(CampaignKind.PRICE_ANOMALY);
        Orders.Customer c = Orders.create("taobao", "PLACED", 1, tee("TEE-" + Orders.unique(), 2, "99.00", "2.00"));
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("不同意")));

        assertThat(Calls.outcome(Calls.standing(CampaignKind.PRICE_ANOMALY), c.orderId())).isEqualTo("PRICE_REFUSED");
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(1)).contains("转接人工客服", "<Dial");
        await().atMost(Duration.ofSeconds(30)).until(() -> Calls.order(c.orderId()).getList("flags.kind").contains("NEEDS_AGENT"));
        JsonPath order = Calls.order(c.orderId());
        assertThat(order.getLong("items[0].unitPriceMinor")).isEqualTo(100);
        assertThat(order.getString("status")).isEqualTo("ON_HOLD");
    }

    private static String alert(String orderId, String type, String episode, String zh) {
        ObjectNode data = JSON.createObjectNode();
        data.put("alertId", UUID.randomUUID().toString());
        data.put("episode", episode);
        data.put("orderId", orderId);
        data.put("direction", "OUTBOUND");
        data.put("carrier", "SF");
        data.put("status", "IN_TRANSIT");
        data.putObject("message").put("en", "Your SF parcel has not moved for 40 hours.").put("zh", zh);
        data.putArray("suggestedActions").add("WAIT").add("CONTACT_CARRIER");
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/logistics-watcher");
        e.put("type", type);
        e.put("time", Instant.now().toString());
        e.put("subject", orderId);
        e.put("datacontenttype", "application/json");
        e.set("data", data);
        return e.toString();
    }

    @Test
    void aStuckParcelAlertBecomesExactlyOneMessageToTheCustomer() {
        resume(CampaignKind.LOGISTICS);
        Orders.Customer c = Orders.create("taobao", "SHIPPED", 1);
        String stuck = alert(c.orderId(), "shipment.stuck", "silence-since-2026-11-24T02:00:00Z",
                "您的顺丰包裹已经40小时没有新的物流信息。");
        KafkaTopics.send("logistics.alerts", c.orderId(), stuck);
        KafkaTopics.send("logistics.alerts", c.orderId(), stuck); // delivered twice
        // a later alert of the same order (another episode) shows both earlier records were read
        KafkaTopics.send("logistics.alerts", c.orderId(), alert(c.orderId(), "shipment.delay-risk", "late-2026-11-27",
                "您的包裹可能晚于承诺日期送达。"));

        // (a partition's first record can wait for the consumer group's assignment: generous)
        await().atMost(Duration.ofSeconds(90)).until(() -> Calls.contacts(c.orderId()).stream()
                .filter(m -> "LOGISTICS".equals(m.get("kind")) && "DONE".equals(m.get("status"))).count() == 2);
        assertThat(Calls.contacts(c.orderId())).filteredOn(m -> "LOGISTICS".equals(m.get("kind")))
                .extracting(m -> m.get("channel") + ":" + m.get("outcome"))
                .containsExactly("MESSAGE:NOTIFIED", "MESSAGE:NOTIFIED");
        var told = KafkaTopics.await("channel.outbound", r -> r.value().contains("40小时没有新的物流信息")
                && r.value().contains(c.phone()), 1, Duration.ofSeconds(20));
        assertThat(told).hasSize(1);
        assertThat(told.get(0).value()).contains("channel.message-sent", "回复“理赔”申请理赔");
        assertThat(Calls.to(simulator, c.phone())).isEmpty();
    }

    @Test
    void aCustomerWhoPrefersCallsIsCalledAboutTheStuckParcelAndCanAskForAClaim() {
        resume(CampaignKind.LOGISTICS);
        Orders.Customer c = Orders.create("taobao", "SHIPPED", 1);
        given().contentType("application/json").body(Map.of("channel", "CALL"))
                .put("/api/contacts/" + c.phone() + "/preferred-channel").then().statusCode(200)
                .body("preferredChannel", is("CALL"));
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("我要理赔")));
        KafkaTopics.send("logistics.alerts", c.orderId(), alert(c.orderId(), "shipment.stuck", "silence-1",
                "您的顺丰包裹已经40小时没有新的物流信息。"));

        assertThat(Calls.outcome(Calls.standing(CampaignKind.LOGISTICS), c.orderId())).isEqualTo("FOLLOW_UP_REQUESTED");
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(0)).contains("40小时没有新的物流信息", "step=notice");
        assertThat(xml.get(1)).contains("办理理赔", "<Hangup/>");
    }

    @Test
    void theCallIsPlacedInTheHourTheCustomerIsLearntToAnswer() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        // this customer orders and answers in the evening, and never picks up during the day
        for (int i = 0; i < 4; i++) {
            contacts.orderPlaced("history-" + UUID.randomUUID(), c.phone(), 20, Instant.now()).await().indefinitely();
            contacts.callEnded(c.phone(), 20, true).await().indefinitely();
            for (int h : new int[] { 9, 10, 11, 14, 15, 16, 17, 19 }) {
                contacts.callEnded(c.phone(), h, false).await().indefinitely();
            }
        }
        contacts.refresh();
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("是的"), Reply.say("对"), Reply.say("对"),
                Reply.say("对")));
        Instant morning = clock.setLocal(SHANGHAI, LocalTime.of(9, 30));
        JsonPath created = Calls.campaign(Map.of("orderIds", List.of(c.orderId()), "bestTime", true));
        String cid = created.getString("campaign.id");
        campaigns.add(cid);

        Map<String, Object> planned = Calls.contact(cid, c.orderId());
        Instant at = Instant.parse((String) planned.get("nextAttemptAt"));
        assertThat(at.atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(20, 0));
        assertThat(at.atZone(SHANGHAI).toLocalDate()).isEqualTo(morning.atZone(SHANGHAI).toLocalDate());
        assertThat(Calls.to(simulator, c.phone())).isEmpty();

        clock.advance(Duration.between(clock.instant(), at).plusSeconds(1));
        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("CONFIRMED");
        given().get("/api/calls/answer-rate-by-hour").then().statusCode(200)
                .body("size()", is(24)).body("find { it.hour == 20 }.calls", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
    }

    @Test
    void liveProgressIsStreamedUntilTheCampaignCompletes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Orders.Customer c = Orders.create("taobao", "PLACED", 1);
            simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("是的"), Reply.say("对"), Reply.say("对"),
                    Reply.say("对")));
            ids.add(c.orderId());
        }
        JsonPath created = Calls.campaign(Map.of("orderIds", ids, "bestTime", false, "concurrency", 2));
        String id = created.getString("campaign.id");
        assertThat(created.getInt("planned")).isEqualTo(3);

        String stream = given().accept("text/event-stream").get("/api/campaigns/" + id + "/progress/stream")
                .then().statusCode(200).extract().asString();
        List<String> events = stream.lines().filter(l -> l.startsWith("data:")).toList();
        assertThat(events).isNotEmpty();
        String last = events.get(events.size() - 1);
        assertThat(last).contains("\"status\":\"COMPLETED\"", "\"total\":3", "\"done\":3", "\"CONFIRMED\":3", "\"etaSeconds\":0");
        given().get("/api/campaigns/" + id + "/progress").then().statusCode(200)
                .body("done", is(3)).body("outcomes.CONFIRMED", is(3));
    }

    @Test
    void aCampaignIsPausedResumedAndCancelledAndAStaleVersionIsRefused() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        clock.setLocal(SHANGHAI, LocalTime.of(22, 30)); // quiet hours: nothing is dialled
        JsonPath created = Calls.campaign(Map.of("orderIds", List.of(c.orderId(), "OC-no-such-order"), "bestTime", false));
        String id = created.getString("campaign.id");
        campaigns.add(id);
        assertThat(created.getList("notFound")).containsExactly("OC-no-such-order");
        long version = created.getLong("campaign.version");

        given().header("If-Match", String.valueOf(version)).post("/api/campaigns/" + id + "/pause").then().statusCode(200)
                .body("status", is("PAUSED"));
        given().header("If-Match", String.valueOf(version)).header("Accept-Language", "zh")
                .post("/api/campaigns/" + id + "/resume").then().statusCode(409)
                .contentType("application/problem+json").body("title", is("活动已被修改"));
        given().post("/api/campaigns/" + id + "/resume").then().statusCode(200).body("status", is("RUNNING"));
        given().post("/api/campaigns/" + id + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
        given().post("/api/campaigns/" + id + "/resume").then().statusCode(409);
        assertThat(Calls.outcome(id, c.orderId())).isEqualTo("SKIPPED");
        assertThat(Calls.to(simulator, c.phone())).isEmpty();
    }

    @Test
    void anInvalidCampaignIsRefusedWithEveryFieldNamed() {
        given().contentType("application/json").header("Accept-Language", "zh")
                .body(Map.of("kind", "SPAM", "orderIds", List.of(), "callingWindow", "21:00-09:00", "maxAttempts", 0,
                        "concurrency", 5000, "retrySpacing", "soon", "checks", List.of("mood")))
                .post("/api/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("kind", "orderIds", "callingWindow", "maxAttempts", "concurrency",
                        "retrySpacing", "checks[0]"));
    }
}
