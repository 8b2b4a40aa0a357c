package io.ordercare.dialog.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.platform.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedCustomerTest {

    // ---------------------------------------------------------------------------------------------
    // replies

    @Test
    void aGarbledReplyIsNonsenseInTheQuestionsLanguageAtLowConfidence() {
        assertThat(Reply.garbled().in("zh")).isEqualTo(new Reply("嗯啊那个", 0.2, null));
        assertThat(Reply.garbled().in("en")).isEqualTo(new Reply("uh the thing", 0.2, null));
        assertThat(Reply.garbled("zh")).isEqualTo(new Reply("嗯啊那个", 0.2, null));
        assertThat(Reply.say("对的").in("en")).isEqualTo(Reply.say("对的"));
    }

    @Test
    void repliesAreSpeechKeysOrSilence() {
        assertThat(Reply.say("对的")).isEqualTo(new Reply("对的", Reply.CLEAR, null));
        assertThat(Reply.dtmf("1")).isEqualTo(new Reply(null, 0, "1"));
        assertThat(Reply.silence().silent()).isTrue();
        assertThat(new Reply(" ", 0, "").silent()).isTrue();
        assertThat(Reply.dtmf("1").silent()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------
    // scripted

    @Test
    void aScriptedCustomerPicksUpPerAttemptAndTheLastPickupRepeats() {
        ScriptedCustomer c = ScriptedCustomer.picking(List.of(Pickup.NO_ANSWER, Pickup.BUSY, Pickup.ANSWER));

        assertThat(c.pickup(1)).isEqualTo(Pickup.NO_ANSWER);
        assertThat(c.pickup(2)).isEqualTo(Pickup.BUSY);
        assertThat(c.pickup(3)).isEqualTo(Pickup.ANSWER);
        assertThat(c.pickup(4)).isEqualTo(Pickup.ANSWER);
        assertThat(ScriptedCustomer.answering().pickup(1)).isEqualTo(Pickup.ANSWER);
    }

    @Test
    void aScriptedCustomerGivesItsRepliesInOrderThenSilence() {
        ScriptedCustomer c = ScriptedCustomer.answering(Reply.say("是的，我是"), Reply.dtmf("1"));

        assertThat(c.reply("identity", "zh", "请问是王先生吗？", 1)).isEqualTo(Reply.say("是的，我是"));
        assertThat(c.reply("address", "zh", "地址是……对吗？", 2)).isEqualTo(Reply.dtmf("1"));
        assertThat(c.reply("final", "zh", "还有别的吗？", 3)).isEqualTo(Reply.silence());
        assertThat(c.remaining()).isZero();
        assertThat(c.heard()).containsExactly(
                new ScriptedCustomer.Question("identity", "zh", "请问是王先生吗？", 1),
                new ScriptedCustomer.Question("address", "zh", "地址是……对吗？", 2),
                new ScriptedCustomer.Question("final", "zh", "还有别的吗？", 3));
    }

    // ---------------------------------------------------------------------------------------------
    // random

    @Test
    void withAllSharesZeroEveryoneAnswersAndConfirms() {
        RandomCustomer c = new RandomCustomer(SimulatorProfile.COOPERATIVE);

        for (int attempt = 1; attempt <= 500; attempt++) {
            assertThat(c.pickup(attempt)).isEqualTo(Pickup.ANSWER);
        }
        for (String step : List.of("address", "phone", "items", "cod_amount", "fraud_check", "final")) {
            for (int i = 0; i < 50; i++) {
                Reply zh = c.reply(step, "zh", "…", 1);
                assertThat(zh.equals(Reply.dtmf("1")) || "对的".equals(zh.speech())).as(step + " " + zh).isTrue();
                Reply en = c.reply(step, "en", "…", 1);
                assertThat(en.equals(Reply.dtmf("1")) || "yes, that's right".equals(en.speech())).as(step + " " + en)
                        .isTrue();
            }
        }
        assertThat(c.tally()).isEqualTo(new RandomCustomer.Tally(500, 600, 0, 0, 0, 0));
    }

    @Test
    void aRandomCustomerAnswersEachStepSensiblyInBothLanguages() {
        RandomCustomer c = new RandomCustomer(SimulatorProfile.COOPERATIVE);

        assertThat(c.reply("identity", "zh", "", 1).speech()).isEqualTo("是的，我是");
        assertThat(c.reply("identity", "en", "", 1).speech()).isEqualTo("yes, speaking");
        assertThat(c.reply("address_new", "zh", "", 1).speech()).isEqualTo("上海市浦东新区世纪大道100号");
        assertThat(c.reply("address_new", "en", "", 1).speech()).isEqualTo("100 Pine St, Seattle, WA 98101");
        assertThat(c.reply("items_change", "zh", "", 1).speech()).isEqualTo("2件");
        assertThat(c.reply("items_change", "en", "", 1).speech()).isEqualTo("two");
        assertThat(c.reply("stock_choice", "zh", "", 1).speech()).isIn("我等", "换一个");
        assertThat(c.reply("stock_choice", "en", "", 1).speech()).isIn("I'll wait", "a substitute please");
        assertThat(c.reply("substitute_choice", "zh", "", 1).speech()).isEqualTo("第一个");
        assertThat(c.reply("substitute_choice", "en", "", 1).speech()).isEqualTo("the first one");
        assertThat(c.reply("price_consent", "zh", "", 1).speech()).isEqualTo("可以");
        assertThat(c.reply("price_consent", "en", "", 1).speech()).isEqualTo("yes, that's fine");
        assertThat(c.reply("survey_score", "zh", "", 1)).isEqualTo(Reply.dtmf("5"));
        assertThat(c.reply("survey_comment", "zh", "", 1).speech()).isEqualTo("很好");
        assertThat(c.reply("survey_comment", "en", "", 1).speech()).isEqualTo("all good");
        assertThat(c.reply("notice", "zh", "", 1).speech()).isEqualTo("好的");
        assertThat(c.reply("notice", "en", "", 1).speech()).isEqualTo("ok");
        assertThat(c.reply("something_new", "en", "", 1).speech()).isEqualTo("ok");
        assertThat(c.reply(null, "zh", "", 1).speech()).isEqualTo("好的");
        assertThat(c.reply("identity", "zh", "", 1).confidence()).isBetween(0.85, 0.99);
    }

    @Test
    void pickupsFollowTheProfilesShares() {
        RandomCustomer c = new RandomCustomer(new SimulatorProfile(0.3, 0.1, 0.1, 0.05, 0, 0, 0, 0, 7));
        Map<Pickup, Integer> counts = new EnumMap<>(Pickup.class);

        for (int i = 0; i < 20_000; i++) {
            counts.merge(c.pickup(1), 1, Integer::sum);
        }

        assertThat(counts.get(Pickup.NO_ANSWER) / 20_000.0).isBetween(0.28, 0.32);
        assertThat(counts.get(Pickup.BUSY) / 20_000.0).isBetween(0.09, 0.11);
        assertThat(counts.get(Pickup.MACHINE) / 20_000.0).isBetween(0.09, 0.11);
        assertThat(counts.get(Pickup.FAILED) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(counts.get(Pickup.ANSWER) / 20_000.0).isBetween(0.43, 0.47);
    }

    @Test
    void correctionsChangeTheAddressOrTheQuantity() {
        RandomCustomer c = new RandomCustomer(new SimulatorProfile(0, 0, 0, 0, 0, 0, 1, 0, 42));

        assertThat(c.reply("address", "zh", "", 1).speech()).isEqualTo("不对，地址改成上海市浦东新区世纪大道100号");
        assertThat(c.reply("address", "en", "", 1).speech()).isEqualTo("no, change it to 100 Pine St, Seattle, WA 98101");
        assertThat(c.reply("items", "zh", "", 1).speech()).isEqualTo("数量改成2件");
        assertThat(c.reply("items", "en", "", 1).speech()).isEqualTo("make it 2 please");
        assertThat(c.reply("final", "zh", "", 1).speech()).isIn("对的", null); // nothing to correct there
        assertThat(c.tally().corrections()).isEqualTo(4);
    }

    @Test
    void cancellingCustomersCancelTheWaitAndRefuseThePrice() {
        RandomCustomer c = new RandomCustomer(new SimulatorProfile(0, 0, 0, 0, 0, 0, 0, 1, 42));

        assertThat(c.reply("stock_choice", "zh", "", 1).speech()).isEqualTo("取消");
        assertThat(c.reply("stock_choice", "en", "", 1).speech()).isEqualTo("cancel it");
        assertThat(c.reply("price_consent", "zh", "", 1).speech()).isEqualTo("不同意");
        assertThat(c.reply("price_consent", "en", "", 1).speech()).isEqualTo("no, I don't agree");
        assertThat(c.tally().cancels()).isEqualTo(4);
    }

    @Test
    void misrecognitionsAreNonsenseAtConfidence02() {
        RandomCustomer c = new RandomCustomer(new SimulatorProfile(0, 0, 0, 0, 1, 0, 0, 0, 42));

        assertThat(c.reply("identity", "zh", "", 1)).isEqualTo(new Reply("嗯啊那个", 0.2, null));
        assertThat(c.reply("final", "en", "", 1)).isEqualTo(new Reply("uh the thing", 0.2, null));
        assertThat(c.tally().misrecognitions()).isEqualTo(2);
    }

    @Test
    void bargingInCustomersKeyTheirYesAndAreCounted() {
        RandomCustomer c = new RandomCustomer(new SimulatorProfile(0, 0, 0, 0, 0, 1, 0, 0, 42));

        assertThat(c.reply("final", "zh", "", 1)).isEqualTo(Reply.dtmf("1"));
        assertThat(c.reply("address", "en", "", 1)).isEqualTo(Reply.dtmf("1"));
        assertThat(c.reply("identity", "en", "", 1).speech()).isEqualTo("yes, speaking");
        assertThat(c.tally().bargeIns()).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameCustomer() {
        SimulatorProfile p = new SimulatorProfile(0.2, 0.1, 0.1, 0.05, 0.1, 0.1, 0.2, 0.2, 1234);

        assertThat(draw(new RandomCustomer(p))).isEqualTo(draw(new RandomCustomer(p)));
        assertThat(draw(new RandomCustomer(p))).isNotEqualTo(draw(new RandomCustomer(
                new SimulatorProfile(0.2, 0.1, 0.1, 0.05, 0.1, 0.1, 0.2, 0.2, 4321))));
    }

    @Test
    void aProfileNamesItsInvalidShares() {
        assertThat(SimulatorProfile.COOPERATIVE.errors()).isEmpty();
        assertThat(new SimulatorProfile(-0.1, 0, 0, 0, 1.5, 0, 0, 0, 1).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("noAnswer", "must_not_be_negative"),
                        org.assertj.core.groups.Tuple.tuple("misrecognition", "invalid_value"));
        assertThat(new SimulatorProfile(0.5, 0.3, 0.2, 0.1, 0, 0, 0, 0, 1).errors())
                .extracting(FieldError::field).containsExactly("noAnswer");
    }

    private static List<Object> draw(RandomCustomer c) {
        List<Object> seen = new ArrayList<>();
        String[] steps = { "identity", "address", "items", "stock_choice", "price_consent", "final" };
        for (int i = 0; i < 200; i++) {
            seen.add(c.pickup(1));
            seen.add(c.reply(steps[i % steps.length], i % 2 == 0 ? "zh" : "en", "", 1));
        }
        return seen;
    }
}
