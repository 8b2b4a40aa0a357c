package io.ordercare.dialog.call.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordercare.dialog.call.twiml.TwimlDocument.Dial;
import io.ordercare.dialog.call.twiml.TwimlDocument.Gather;
import io.ordercare.dialog.call.twiml.TwimlDocument.Hangup;
import io.ordercare.dialog.call.twiml.TwimlDocument.Pause;
import io.ordercare.dialog.call.twiml.TwimlDocument.Redirect;
import io.ordercare.dialog.call.twiml.TwimlDocument.Say;
import io.ordercare.dialog.call.twiml.TwimlDocument.Unsupported;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlDocumentTest {

    @Test
    void readsWhatTheBuilderWrites() {
        String xml = Twiml.response()
                .say("zh", "您好。")
                .pause(1)
                .gather("https://robot.example/g?step=identity", "zh", List.of("请问是王先生吗？", "请说是或不是。"), 6)
                .dial("+8640012345678", "+864009000000")
                .hangup()
                .xml();

        TwimlDocument doc = TwimlDocument.parse(xml);

        assertThat(doc.verbs()).hasSize(5);
        assertThat(doc.verbs().get(0)).isEqualTo(new Say("zh-CN", "Polly.Zhiyu", "您好。"));
        assertThat(doc.verbs().get(1)).isEqualTo(new Pause(1));
        Gather g = (Gather) doc.verbs().get(2);
        assertThat(g.action()).isEqualTo("https://robot.example/g?step=identity");
        assertThat(g.method()).isEqualTo("POST");
        assertThat(g.input()).isEqualTo("speech dtmf");
        assertThat(g.language()).isEqualTo("zh-CN");
        assertThat(g.timeoutSeconds()).isEqualTo(6);
        assertThat(g.numDigits()).isEqualTo("1");
        assertThat(g.actionOnEmptyResult()).isTrue();
        assertThat(g.prompt()).isEqualTo("请问是王先生吗？ 请说是或不是。");
        assertThat(doc.verbs().get(3)).isEqualTo(new Dial("+8640012345678", "+864009000000"));
        assertThat(doc.verbs().get(4)).isEqualTo(new Hangup());
        assertThat(doc.hangsUp()).isTrue();
        assertThat(doc.gather()).contains(g);
    }

    @Test
    void absentAttributesTakeTwimlDefaults() {
        TwimlDocument doc = TwimlDocument.parse(
                "<Response><Gather><Say>Press 1.</Say></Gather><Redirect>/next</Redirect><Play>x.mp3</Play></Response>");

        Gather g = doc.gather().orElseThrow();
        assertThat(g.action()).isNull();
        assertThat(g.method()).isEqualTo("POST");
        assertThat(g.input()).isEqualTo("dtmf");
        assertThat(g.timeoutSeconds()).isEqualTo(5);
        assertThat(g.actionOnEmptyResult()).isFalse();
        assertThat(g.says()).containsExactly(new Say(null, null, "Press 1."));
        assertThat(doc.verbs().get(1)).isEqualTo(new Redirect("/next", "POST"));
        assertThat(doc.verbs().get(2)).isEqualTo(new Unsupported("Play"));
        assertThat(doc.hangsUp()).isFalse();
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Say>&x;</Say></Response>";

        assertThatThrownBy(() -> TwimlDocument.parse(xxe)).isInstanceOf(TwimlDocument.InvalidTwimlException.class);
    }

    @Test
    void onlyAResponseIsTwiml() {
        assertThatThrownBy(() -> TwimlDocument.parse("<html><body>Internal error</body></html>"))
                .isInstanceOf(TwimlDocument.InvalidTwimlException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> TwimlDocument.parse("{\"status\":500}"))
                .isInstanceOf(TwimlDocument.InvalidTwimlException.class);
        assertThatThrownBy(() -> TwimlDocument.parse(""))
                .isInstanceOf(TwimlDocument.InvalidTwimlException.class);
    }
}
