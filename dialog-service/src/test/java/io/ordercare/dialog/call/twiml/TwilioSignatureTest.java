package io.ordercare.dialog.call.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    /** Twilio's documented example (docs and the RequestValidator tests of twilio-java/-php/-csharp/-python). */
    private static final Map<String, String> DOCUMENTED = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+14158675309",
            "Digits", "1234",
            "From", "+14158675309",
            "To", "+18005551212");
    private static final String DOCUMENTED_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void reproducesTwiliosDocumentedSignature() {
        assertThat(TwilioSignature.sign(TOKEN, URL, DOCUMENTED)).isEqualTo(DOCUMENTED_SIGNATURE);
        assertThat(TwilioSignature.valid(TOKEN, URL, DOCUMENTED, DOCUMENTED_SIGNATURE)).isTrue();
    }

    @Test
    void otherCallerNumbersGiveAnotherSignature() {
        // Caller/From +12349013030 instead of the documented +14158675309; the value was computed independently
        // (Python hmac + hashlib.sha1 over the same string).
        Map<String, String> params = new LinkedHashMap<>(DOCUMENTED);
        params.put("Caller", "+12349013030");
        params.put("From", "+12349013030");

        assertThat(TwilioSignature.sign(TOKEN, URL, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.valid(TOKEN, URL, params, DOCUMENTED_SIGNATURE)).isFalse();
    }

    @Test
    void theOrderOfTheParametersDoesNotMatter() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("To", "+18005551212");
        reversed.put("From", "+14158675309");
        reversed.put("Digits", "1234");
        reversed.put("Caller", "+14158675309");
        reversed.put("CallSid", "CA1234567890ABCDE");

        assertThat(TwilioSignature.valid(TOKEN, URL, reversed, DOCUMENTED_SIGNATURE)).isTrue();
    }

    @Test
    void anyChangeInvalidatesIt() {
        Map<String, String> tampered = new LinkedHashMap<>(DOCUMENTED);
        tampered.put("Digits", "9999");

        assertThat(TwilioSignature.valid(TOKEN, URL, tampered, DOCUMENTED_SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URL + "&extra=1", DOCUMENTED, DOCUMENTED_SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid("54321", URL, DOCUMENTED, DOCUMENTED_SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URL, DOCUMENTED, "RSOYDt4T1cUTdK1PDd93/VVr8B8")).isFalse();
    }

    @Test
    void aMissingSignatureIsInvalid() {
        assertThat(TwilioSignature.valid(TOKEN, URL, DOCUMENTED, null)).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URL, DOCUMENTED, "")).isFalse();
        assertThat(TwilioSignature.valid(null, URL, DOCUMENTED, DOCUMENTED_SIGNATURE)).isFalse();
    }

    @Test
    void theDefaultPortMayBeWrittenOrNot() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        String signedWithPort = TwilioSignature.sign(TOKEN, withPort, DOCUMENTED);

        assertThat(TwilioSignature.valid(TOKEN, URL, DOCUMENTED, signedWithPort)).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, withPort, DOCUMENTED, DOCUMENTED_SIGNATURE)).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", DOCUMENTED,
                DOCUMENTED_SIGNATURE)).isFalse();
    }

    @Test
    void noParametersSignsTheUrlAlone() {
        assertThat(TwilioSignature.valid(TOKEN, URL, Map.of(), TwilioSignature.sign(TOKEN, URL, null))).isTrue();
    }
}
