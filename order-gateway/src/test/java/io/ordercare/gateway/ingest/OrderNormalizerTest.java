package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderNormalizerTest {

    private final OrderNormalizer normalizer = new OrderNormalizer();

    @ParameterizedTest
    @CsvSource({
            "shopify-order.json, SHOPIFY",
            "taobao-order.json, TAOBAO",
            "jd-order.json, JD",
            "jd-order-cod.json, JD"})
    void detectsThePlatformWithoutAHint(String payload, String platform) {
        assertThat(normalizer.normalize(null, Payloads.load(payload)).platform()).isEqualTo(platform);
    }

    @ParameterizedTest
    @CsvSource({
            "shopify-order.json, Shopify",
            "taobao-order.json, TAOBAO",
            "jd-order.json, jd"})
    void hintIsMatchedIgnoringCase(String payload, String hint) {
        assertThat(normalizer.normalize(hint, Payloads.load(payload)).platform()).isEqualToIgnoringCase(hint);
    }

    @Test
    void blankHintMeansDetect() {
        assertThat(normalizer.normalize("  ", Payloads.load("taobao-order.json")).platform()).isEqualTo("TAOBAO");
    }

    @Test
    void hintIsTrustedOverThePayloadsShape() {
        List<FieldViolation> violations = violations("jd", Payloads.load("shopify-order.json"));

        assertThat(violations).contains(new FieldViolation("orderId", "required", null),
                new FieldViolation("itemInfoList", "no_items", null));
    }

    @Test
    void unknownHintIsAnUnknownFormat() {
        assertThat(violations("amazon", Payloads.load("shopify-order.json")))
                .containsExactly(new FieldViolation("platform", "unknown_format", "amazon"));
    }

    @Test
    void unrecognizedPayloadIsAnUnknownFormat() {
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("order_sn", "240101ABCDEF");

        assertThat(violations(null, raw)).containsExactly(new FieldViolation("$", "unknown_format", null));
    }

    @Test
    void payloadThatIsNoJsonObjectIsAnUnknownFormat() {
        JsonNode raw = JsonNodeFactory.instance.arrayNode().add(1);

        assertThat(violations("taobao", raw)).containsExactly(new FieldViolation("$", "unknown_format", null));
    }

    @Test
    void everyProblemOfAnOrderIsReportedAtOnce() {
        List<FieldViolation> violations = violations(null, Payloads.load("shopify-order-invalid.json"));

        assertThat(violations).hasSize(8).extracting(FieldViolation::code).contains("invalid_date",
                "invalid_currency", "must_not_be_negative", "must_be_positive", "required", "invalid_number",
                "invalid_phone");
    }

    @Test
    void rejectedPhonesAreMasked() {
        List<FieldViolation> violations = violations("taobao", Payloads.load("taobao-order-invalid.json"));

        assertThat(violations).filteredOn(v -> v.code().equals("invalid_phone"))
                .extracting(FieldViolation::rejectedValue)
                .containsExactly("13****4567");
        assertThat(violations).extracting(FieldViolation::rejectedValue)
                .noneMatch(value -> value != null && value.contains("1381234567"));
    }

    @Test
    void malformedValuesOfEveryKindBecomeViolations() {
        ObjectNode raw = Payloads.load("jd-order.json");
        raw.put("orderStartTime", "2026-11-11T00:01:02");
        raw.put("orderPayment", "1E999999999");
        raw.put("freightPrice", "0.001");
        ObjectNode firstItem = (ObjectNode) raw.get("itemInfoList").get(0);
        firstItem.put("itemTotal", "99999999999");
        firstItem.putObject("jdPrice").put("amount", "4999.00");

        assertThat(violations(null, raw)).containsExactlyInAnyOrder(
                new FieldViolation("orderStartTime", "invalid_date", "2026-11-11T00:01:02"),
                new FieldViolation("orderPayment", "invalid_number", "1E999999999"),
                new FieldViolation("freightPrice", "invalid_number", "0.001"),
                new FieldViolation("itemInfoList[0].itemTotal", "invalid_number", "99999999999"),
                new FieldViolation("itemInfoList[0].jdPrice", "required", null));
    }

    @Test
    void lineThatIsNoObjectIsReportedOnce() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.withArray("line_items").set(1, JsonNodeFactory.instance.numberNode(42));

        assertThat(violations(null, raw)).containsExactly(new FieldViolation("line_items[1]", "required", null));
    }

    @Test
    void exceptionMessageNamesFieldsButNoValues() {
        InvalidOrderException rejected = catchThrowableOfType(InvalidOrderException.class,
                () -> normalizer.normalize("taobao", Payloads.load("taobao-order-invalid.json")));

        assertThat(rejected).hasMessageContaining("receiver_mobile invalid_phone")
                .hasMessageNotContaining("4567");
    }

    private List<FieldViolation> violations(String hint, JsonNode raw) {
        InvalidOrderException rejected = catchThrowableOfType(InvalidOrderException.class,
                () -> normalizer.normalize(hint, raw));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.violations();
    }
}
