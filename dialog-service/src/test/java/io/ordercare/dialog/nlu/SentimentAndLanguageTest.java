package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentAndLanguageTest {

    @Test
    void angerIsNegative() {
        assertThat(SentimentScorer.score("太差了")).isLessThan(-0.5);
        assertThat(SentimentScorer.score("什么垃圾")).isLessThan(-0.5);
        assertThat(SentimentScorer.score("我要投诉你们")).isLessThan(-0.5);
        assertThat(SentimentScorer.score("terrible service")).isLessThan(-0.5);
        assertThat(SentimentScorer.score("this is ridiculous")).isLessThan(-0.5);
        assertThat(SentimentScorer.score("where is my order!!!")).isLessThan(-0.3);
        assertThat(SentimentScorer.score("I am not happy at all")).isLessThan(-0.3);
        assertThat(SentimentScorer.score("我很不满意")).isLessThan(-0.5);
        assertThat(SentimentScorer.score("太差了，垃圾，我要投诉！！！")).isLessThan(-0.9);
    }

    @Test
    void politenessIsPositiveAndNeutralIsZero() {
        assertThat(SentimentScorer.score("谢谢，服务很好")).isGreaterThan(0.5);
        assertThat(SentimentScorer.score("thanks, great help")).isGreaterThan(0.5);
        assertThat(SentimentScorer.score("where is my order")).isZero();
        assertThat(SentimentScorer.score("我的订单到哪了")).isZero();
        assertThat(SentimentScorer.score("no thanks")).isGreaterThan(0);
    }

    @Test
    void sentimentIsBounded() {
        assertThat(SentimentScorer.score("垃圾垃圾垃圾骗子骗子傻逼!!!!!!!!")).isGreaterThanOrEqualTo(-1.0);
        assertThat(SentimentScorer.score("thanks thanks thanks awesome perfect")).isLessThanOrEqualTo(1.0);
    }

    @Test
    void language() {
        assertThat(Lang.detect("我的订单到哪了")).isEqualTo(Lang.ZH);
        assertThat(Lang.detect("where is my order")).isEqualTo(Lang.EN);
        assertThat(Lang.detect("我要退货 order 12345")).isEqualTo(Lang.ZH);
        assertThat(Lang.detect("can I change the 地址")).isEqualTo(Lang.EN);
        assertThat(Lang.detect("298765432101")).isEqualTo(Lang.ZH);
    }
}
