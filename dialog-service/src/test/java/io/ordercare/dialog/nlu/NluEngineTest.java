package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** End to end: intent, language, entities and sentiment of whole utterances. */
class NluEngineTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    private NluResult parse(String text) {
        return TestEngine.get().parse(text, WEDNESDAY);
    }

    @Test
    void chineseOrderStatusWithOrderNumber() {
        NluResult r = parse("我的订单298765432101到哪了");
        assertThat(r.intent()).isEqualTo(Intents.ORDER_STATUS);
        assertThat(r.lang()).isEqualTo("zh");
        assertThat(r.confidence()).isGreaterThan(0.5);
        assertThat(r.entities()).extracting(Entity::type, Entity::value, Entity::start, Entity::end)
                .containsExactly(tuple("order_number", "298765432101", 4, 16));
    }

    @Test
    void englishChangeOfAddressWithOrderAndAddress() {
        NluResult r = parse("change the address of order 5890123456789 to 500 Market St, San Francisco, CA 94105");
        assertThat(r.intent()).isEqualTo(Intents.CHANGE_ADDRESS);
        assertThat(r.lang()).isEqualTo("en");
        assertThat(r.entities()).extracting(Entity::type, Entity::value)
                .containsExactly(tuple("order_number", "5890123456789"),
                        tuple("address", "500 Market St, San Francisco, CA 94105"));
    }

    @Test
    void intentsOfShortTurns() {
        assertThat(parse("我要改地址").intent()).isEqualTo(Intents.CHANGE_ADDRESS);
        assertThat(parse("cancel it").intent()).isEqualTo(Intents.CANCEL_ORDER);
        assertThat(parse("I was charged twice").intent()).isEqualTo(Intents.PAYMENT_ISSUE);
        assertThat(parse("转人工").intent()).isEqualTo(Intents.HUMAN_AGENT);
        assertThat(parse("对").intent()).isEqualTo(Intents.CONFIRM);
        assertThat(parse("是的没错").intent()).isEqualTo(Intents.CONFIRM);
        assertThat(parse("不对").intent()).isEqualTo(Intents.DENY);
        assertThat(parse("yes that's right").intent()).isEqualTo(Intents.CONFIRM);
        assertThat(parse("nope").intent()).isEqualTo(Intents.DENY);
        assertThat(parse("尺码换成XL").intent()).isEqualTo(Intents.CHANGE_ITEMS);
        assertThat(parse("can I get 2 instead of 3").intent()).isEqualTo(Intents.CHANGE_ITEMS);
    }

    @Test
    void outOfDomainIsUnknown() {
        for (String text : new String[] { "what's the weather", "给我讲个笑话", "what's the capital of France", "帮我写个Python脚本",
                "how tall is Mount Everest", "我想买房", "asdf qwer" }) {
            NluResult r = parse(text);
            assertThat(r.intent()).as(text).isEqualTo(Intents.UNKNOWN);
            assertThat(r.confidence()).as(text).isBetween(0.5, 1.0);
        }
    }

    @Test
    void languageFollowsTheDominantScript() {
        assertThat(parse("我要退货 order 298765432101").lang()).isEqualTo("zh");
        assertThat(parse("can I change the 地址").lang()).isEqualTo("en");
        assertThat(parse("OK").lang()).isEqualTo("en");
        assertThat(parse("好的").lang()).isEqualTo("zh");
    }

    @Test
    void angryCustomersHaveNegativeSentiment() {
        assertThat(parse("太差了，什么垃圾服务，我要投诉！！！").sentiment()).isLessThan(-0.7);
        assertThat(parse("this is ridiculous, terrible service!!!").sentiment()).isLessThan(-0.7);
        assertThat(parse("我的订单到哪了").sentiment()).isEqualTo(0.0);
        assertThat(parse("thank you so much, great help").sentiment()).isGreaterThan(0.5);
    }

    @Test
    void blankTextIsUnknownWithoutEntities() {
        NluResult r = parse("   ");
        assertThat(r.intent()).isEqualTo(Intents.UNKNOWN);
        assertThat(r.entities()).isEmpty();
    }

    @Test
    void fullWidthCharactersAreFoldedButOffsetsStayOnTheOriginal() {
        String text = "订单号ＪＤ：２９８７６５４３２１０１到哪了";
        NluResult r = parse(text);
        assertThat(r.intent()).isEqualTo(Intents.ORDER_STATUS);
        Entity e = r.entities().get(0);
        assertThat(e.value()).isEqualTo("JD:298765432101");
        assertThat(text.substring(e.start(), e.end())).isEqualTo("ＪＤ：２９８７６５４３２１０１");
    }

    @Test
    void datesResolveAgainstShanghaiToday() {
        NluResult r = TestEngine.get().parse("明天能到吗");
        assertThat(r.entities()).extracting(Entity::value)
                .containsExactly(LocalDate.now(NluEngine.ZONE).plusDays(1).toString());
    }
}
