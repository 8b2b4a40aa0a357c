package io.ordercare.dialog.call;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.dialog.dialer.Pickup;
import io.ordercare.dialog.dialer.Reply;
import io.ordercare.dialog.dialer.ScriptedCustomer;
import io.ordercare.dialog.dialer.SimulatedCall;
import io.ordercare.dialog.dialer.TelephonySimulator;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order-confirmation calls end to end: a campaign started over REST, the scheduler dials through the telephony
 * simulator, which drives this service's TwiML webhooks over HTTP as a simulated customer; the outcome is written
 * to the real order-gateway. The clock is set to 10:30 in Shanghai so the calling slots are open for Chinese
 * customers (US customers are called in an all-day window).
 */
@QuarkusTest
class ConfirmationCallTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    TelephonySimulator simulator;

    @Inject
    TestClock clock;

    final List<String> campaigns = new ArrayList<>();

    @BeforeEach
    void morningInShanghai() {
        clock.setLocal(SHANGHAI, LocalTime.of(10, 30));
    }

    @AfterEach
    void cleanUp() {
        Calls.cancelAll(campaigns);
        clock.reset();
    }

    /** A confirmation campaign for the order; its id. */
    private String confirm(String orderId, Map<String, Object> extra) {
        return confirmCampaign(orderId, extra).getString("campaign.id");
    }

    private JsonPath confirmCampaign(String orderId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "test confirmations", "orderIds", List.of(orderId),
                "bestTime", false));
        body.putAll(extra);
        JsonPath created = Calls.campaign(body);
        campaigns.add(created.getString("campaign.id"));
        return created;
    }

    @Test
    void aChineseCustomerConfirmsTheOrderOnTheCall() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("是的，我是"), Reply.say("对的"),
                Reply.dtmf("1"), Reply.say("没错")));
        JsonPath created = confirmCampaign(c.orderId(), Map.of());
        assertThat(created.getInt("planned")).isEqualTo(1);
        String cid = created.getString("campaign.id");

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("CONFIRMED");
        assertThat(Calls.order(c.orderId()).getString("status")).isEqualTo("CONFIRMED");

        List<SimulatedCall> calls = Calls.ended(simulator, c.phone(), 1);
        assertThat(calls).hasSize(1);
        List<String> xml = Calls.twiml(calls.get(0));
        assertThat(xml).hasSize(5);
        // the greeting: a Chinese question gathered by speech or keys, posted back to the gather webhook
        assertThat(xml.get(0)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather input=\"speech dtmf\"")
                .contains("/api/voice/calls/" + calls.get(0).callId() + "/gather?step=identity")
                .contains("language=\"zh-CN\"", "<Say language=\"zh-CN\" voice=\"Polly.Zhiyu\">", "张三", "淘宝",
                        c.number().substring(c.number().length() - 4));
        assertThat(xml.get(1)).contains("step=address", "收货地址是：浙江省杭州市西湖区");
        assertThat(xml.get(2)).contains("step=phone", "尾号是" + c.last4());
        assertThat(xml.get(3)).contains("step=items", "纯棉短袖T恤");
        assertThat(xml.get(4)).contains("订单已确认", "<Hangup/>").doesNotContain("<Gather");
        assertThat(calls.get(0).exchanges(SimulatedCall.Kind.STATUS)).last()
                .satisfies(e -> assertThat(e.form()).containsEntry("CallStatus", "completed"));
        // the outcome is a fact for the other systems
        assertThat(KafkaTopics.await("dialog.events", r -> r.value().contains("dialog.contact-completed")
                && r.value().contains(c.orderId()), 1, Duration.ofSeconds(20)))
                .anySatisfy(r -> assertThat(r.value()).contains("\"outcome\":\"CONFIRMED\""));
    }

    @Test
    void anEnglishCustomerConfirmsTheOrderOnTheCall() {
        Orders.Customer c = Orders.create("shopify", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("yes, speaking"), Reply.say("yes that's right"),
                Reply.say("correct"), Reply.say("yes")));
        String cid = confirm(c.orderId(), Map.of("callingWindow", "00:00-23:59"));

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("CONFIRMED");
        assertThat(Calls.order(c.orderId()).getString("status")).isEqualTo("CONFIRMED");
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(0)).contains("language=\"en-US\"", "<Say language=\"en-US\" voice=\"Polly.Joanna\">",
                "Am I speaking with Emma Walker?");
        assertThat(xml.get(1)).contains("The delivery address is: 1600 Market St, Apt 5B, San Francisco");
        assertThat(xml.get(4)).contains("is confirmed", "<Hangup/>");
    }

    @Test
    void aCorrectedAddressIsReadBackAndWrittenBeforeTheOrderIsConfirmed() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("是的"),
                Reply.say("不对，地址改成上海市浦东新区世纪大道100号"), Reply.say("对"), Reply.say("对"), Reply.say("对")));
        String cid = confirm(c.orderId(), Map.of());

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("ADDRESS_CHANGED");
        JsonPath order = Calls.order(c.orderId());
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getString("shippingAddress.city")).isEqualTo("上海市");
        assertThat(order.getString("shippingAddress.street")).contains("世纪大道100号");
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(2)).contains("step=address_check", "新的收货地址是：上海市浦东新区世纪大道100号");
        assertThat(xml.get(3)).contains("收货地址已改为", "step=phone");
    }

    @Test
    void aCorrectedQuantityIsAppliedToTheOrder() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("是的"), Reply.say("对"), Reply.say("对"),
                Reply.say("T恤数量改成3件")));
        String cid = confirm(c.orderId(), Map.of());

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("ITEMS_CHANGED");
        JsonPath order = Calls.order(c.orderId());
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getInt("items[0].quantity")).isEqualTo(3);
        assertThat(Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0)).get(4)).contains("已修改", "× 3", "订单已确认");
    }

    @Test
    void aCustomerWhoWantsToCancelIsReadTheRefundAndTheOrderIsCancelled() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("是的"), Reply.say("我不要了，帮我取消订单"),
                Reply.say("是的")));
        String cid = confirm(c.orderId(), Map.of());

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("CANCELLED");
        assertThat(Calls.order(c.orderId()).getString("status")).isEqualTo("CANCELLED");
        assertThat(Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0)).get(2)).contains("¥398.00", "支付宝");
    }

    @Test
    void unansweredCallsAreRetriedInTheNextCallingSlotThenTheOrderIsFlaggedUnreachable() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.picking(List.of(Pickup.NO_ANSWER, Pickup.BUSY)));
        String cid = confirm(c.orderId(), Map.of("maxAttempts", 2, "retrySpacing", "PT30M",
                "callingWindow", "09:00-12:00,14:00-18:00,19:00-21:00"));

        // 10:30 no answer → not again in the morning slot: at 14:00, the next slot
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.attempts(c.phone()) == 1
                && "PENDING".equals(Calls.contact(cid, c.orderId()).get("status")));
        Map<String, Object> waiting = Calls.contact(cid, c.orderId());
        Instant next = Instant.parse((String) waiting.get("nextAttemptAt"));
        assertThat(next.atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
        assertThat(waiting.get("attempts")).isEqualTo(1);

        clock.advance(Duration.between(clock.instant(), next).plusSeconds(1));
        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("UNREACHABLE");
        assertThat(simulator.attempts(c.phone())).isEqualTo(2);
        // flagged for the other channels
        await().atMost(Duration.ofSeconds(20)).until(() -> Calls.order(c.orderId()).getList("flags.kind")
                .contains("CUSTOMER_UNREACHABLE"));
        assertThat(Calls.order(c.orderId()).getString("status")).isNotEqualTo("CONFIRMED");
    }

    @Test
    void noCallIsPlacedInTheCustomersQuietHours() {
        Orders.Customer shanghai = Orders.create("taobao", "PLACED", 1);
        Orders.Customer sanFrancisco = Orders.create("shopify", "PLACED", 1);
        simulator.register(shanghai.phone(), ScriptedCustomer.answering(Reply.say("是的"), Reply.say("对"), Reply.say("对"),
                Reply.say("对")));
        simulator.register(sanFrancisco.phone(), ScriptedCustomer.answering(Reply.say("yes"), Reply.say("yes"),
                Reply.say("yes"), Reply.say("yes")));
        // 14:30 in Shanghai is 22:30 (or 23:30) the evening before in San Francisco: quiet there
        clock.setLocal(SHANGHAI, LocalTime.of(14, 30));
        JsonPath created = Calls.campaign(Map.of("orderIds", List.of(shanghai.orderId(), sanFrancisco.orderId()),
                "bestTime", false, "callingWindow", "09:00-12:00,14:00-18:00,19:00-21:00"));
        String cid = created.getString("campaign.id");
        campaigns.add(cid);

        assertThat(Calls.outcome(cid, shanghai.orderId())).isEqualTo("CONFIRMED");
        Map<String, Object> waiting = Calls.contact(cid, sanFrancisco.orderId());
        assertThat(waiting.get("status")).isEqualTo("PENDING");
        assertThat(waiting.get("zone")).isEqualTo("America/Los_Angeles");
        Instant next = Instant.parse((String) waiting.get("nextAttemptAt"));
        assertThat(next.atZone(ZoneId.of("America/Los_Angeles")).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(Calls.to(simulator, sanFrancisco.phone())).isEmpty();

        // morning in San Francisco: now it is called
        clock.advance(Duration.between(clock.instant(), next).plusSeconds(1));
        assertThat(Calls.outcome(cid, sanFrancisco.orderId())).isEqualTo("CONFIRMED");
        assertThat(Calls.to(simulator, sanFrancisco.phone())).hasSize(1);
    }

    @Test
    void aNumberOnTheDoNotCallListIsNeverCalled() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        given().contentType("application/json").body(Map.of("reason", "asked by phone"))
                .put("/api/contacts/" + c.phone() + "/do-not-call").then().statusCode(200)
                .body("doNotCall", org.hamcrest.Matchers.is(true))
                .body("phone", org.hamcrest.Matchers.endsWith(c.last4()));
        String cid = confirm(c.orderId(), Map.of());

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("DO_NOT_CALL");
        assertThat(Calls.to(simulator, c.phone())).isEmpty();
        assertThat(Calls.order(c.orderId()).getString("status")).isNotEqualTo("CONFIRMED");
    }

    @Test
    void aCustomerWhoAsksNotToBeCalledAgainIsPutOnTheList() {
        Orders.Customer c = Orders.create("shopify", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.say("please don't call me again")));
        String cid = confirm(c.orderId(), Map.of("callingWindow", "00:00-23:59"));

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("DO_NOT_CALL");
        given().get("/api/contacts/" + c.phone()).then().statusCode(200).body("doNotCall", org.hamcrest.Matchers.is(true));
    }

    @Test
    void aVoicemailIsLeftAMessageAndTriedAgain() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.picking(List.of(Pickup.MACHINE)));
        String cid = confirm(c.orderId(), Map.of("maxAttempts", 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.attempts(c.phone()) == 1
                && "PENDING".equals(Calls.contact(cid, c.orderId()).get("status")));
        SimulatedCall call = Calls.ended(simulator, c.phone(), 1).get(0);
        assertThat(Calls.twiml(call).get(0)).contains("稍后再联系您", "<Hangup/>").doesNotContain("<Gather");
    }

    @Test
    void misrecognisedAnswersAreAskedAgainThenAPersonTakesOver() {
        Orders.Customer c = Orders.create("taobao", "PLACED", 1);
        simulator.register(c.phone(), ScriptedCustomer.answering(Reply.garbled("zh"), Reply.garbled("zh"),
                Reply.garbled("zh")));
        String cid = confirm(c.orderId(), Map.of());

        assertThat(Calls.outcome(cid, c.orderId())).isEqualTo("HANDED_OFF");
        List<String> xml = Calls.twiml(Calls.ended(simulator, c.phone(), 1).get(0));
        assertThat(xml.get(1)).contains("没听清楚", "step=identity");
        assertThat(xml.get(xml.size() - 1)).contains("转接人工客服", "<Dial");
        await().atMost(Duration.ofSeconds(30)).until(() -> Calls.order(c.orderId()).getList("flags.kind")
                .contains("NEEDS_AGENT"));
    }
}
