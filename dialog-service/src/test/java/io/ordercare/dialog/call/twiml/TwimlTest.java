package io.ordercare.dialog.call.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlTest {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void aChineseQuestionIsAGatherWithOneSayPerSentence() {
        String xml = Twiml.response()
                .gather("https://robot.example/api/voice/calls/c1/gather?step=identity", "zh",
                        List.of("您好，这里是订单关怀。", "请问是王先生吗？"), 5)
                .xml();

        assertThat(xml).isEqualTo(PROLOG + "<Response>"
                + "<Gather input=\"speech dtmf\" action=\"https://robot.example/api/voice/calls/c1/gather?step=identity\""
                + " method=\"POST\" language=\"zh-CN\" speechTimeout=\"auto\" timeout=\"5\" numDigits=\"1\""
                + " actionOnEmptyResult=\"true\">"
                + "<Say language=\"zh-CN\" voice=\"Polly.Zhiyu\">您好，这里是订单关怀。</Say>"
                + "<Say language=\"zh-CN\" voice=\"Polly.Zhiyu\">请问是王先生吗？</Say>"
                + "</Gather></Response>");
    }

    @Test
    void anEnglishQuestionUsesEnUsAndTheConfiguredVoice() {
        String xml = Twiml.response(new TwimlVoices("Polly.Zhiyu", "Polly.Matthew"))
                .gather("https://robot.example/g?step=final", "en", List.of("Shall I confirm the order?"), 7)
                .xml();

        assertThat(xml).isEqualTo(PROLOG + "<Response>"
                + "<Gather input=\"speech dtmf\" action=\"https://robot.example/g?step=final\" method=\"POST\""
                + " language=\"en-US\" speechTimeout=\"auto\" timeout=\"7\" numDigits=\"1\" actionOnEmptyResult=\"true\">"
                + "<Say language=\"en-US\" voice=\"Polly.Matthew\">Shall I confirm the order?</Say>"
                + "</Gather></Response>");
    }

    @Test
    void textAndAttributesAreEscaped() {
        String xml = Twiml.response()
                .say("en", "Tom & Jerry's <order> is \"ready\"")
                .gather("https://robot.example/g?step=address&attempt=2", "en", List.of("a < b > c"), 5)
                .xml();

        assertThat(xml).contains(">Tom &amp; Jerry&apos;s &lt;order&gt; is &quot;ready&quot;</Say>")
                .contains("action=\"https://robot.example/g?step=address&amp;attempt=2\"")
                .contains(">a &lt; b &gt; c</Say>");
        assertThat(TwimlDocument.parse(xml).spokenText()).isEqualTo("Tom & Jerry's <order> is \"ready\" a < b > c");
        assertThat(TwimlDocument.parse(xml).gather().orElseThrow().action())
                .isEqualTo("https://robot.example/g?step=address&attempt=2");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertThat(Twiml.escape("a\u0000b\u0007c\td\n😀\uD800")).isEqualTo("abc\td\n😀");
    }

    @Test
    void theEndIsSayThenHangup() {
        assertThat(Twiml.response().say("zh", "感谢您的配合，再见。").hangup().xml())
                .isEqualTo(PROLOG + "<Response><Say language=\"zh-CN\" voice=\"Polly.Zhiyu\">感谢您的配合，再见。</Say>"
                        + "<Hangup/></Response>");
    }

    @Test
    void aTransferIsSayThenDial() {
        assertThat(Twiml.response().say("en", "Connecting you to a colleague.").dial("+8640012345678", null).xml())
                .isEqualTo(PROLOG + "<Response><Say language=\"en-US\" voice=\"Polly.Joanna\">Connecting you to a "
                        + "colleague.</Say><Dial>+8640012345678</Dial></Response>");
        assertThat(Twiml.response().dial("+8640012345678", "+864009000000").xml())
                .contains("<Dial callerId=\"+864009000000\">+8640012345678</Dial>");
    }

    @Test
    void pauseAndRedirect() {
        assertThat(Twiml.response().pause(2).redirect("https://robot.example/next?a=1&b=2").xml())
                .isEqualTo(PROLOG + "<Response><Pause length=\"2\"/>"
                        + "<Redirect method=\"POST\">https://robot.example/next?a=1&amp;b=2</Redirect></Response>");
    }

    @Test
    void anEmptyResponseIsStillOneResponse() {
        assertThat(Twiml.response().xml()).isEqualTo(PROLOG + "<Response></Response>");
    }

    @Test
    void nothingMayFollowHangupOrRedirect() {
        assertThatThrownBy(() -> Twiml.response().hangup().say("zh", "还在吗？"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Twiml.response().redirect("https://robot.example/x").hangup())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyChineseAndEnglishAreSpoken() {
        assertThat(Twiml.language("zh")).isEqualTo("zh-CN");
        assertThat(Twiml.language("en")).isEqualTo("en-US");
        assertThat(Twiml.language("zh-CN")).isEqualTo("zh-CN");
        assertThatThrownBy(() -> Twiml.response().say("fr", "Bonjour")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Twiml.response().say(null, "?")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gatherArgumentsAreChecked() {
        assertThatThrownBy(() -> Twiml.response().gather(" ", "zh", List.of("?"), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Twiml.response().gather("https://robot.example/g", "zh", List.of("?"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Twiml.response().pause(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
