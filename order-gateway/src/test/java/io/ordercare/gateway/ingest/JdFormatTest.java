package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdFormatTest {

    private final JdFormat format = new JdFormat();

    @Test
    void sampleOnlinePaidOrderMapsToTheCanonicalOrder() {
        IncomingOrder order = format.normalize(Payloads.load("jd-order.json"));

        assertThat(order).isEqualTo(new IncomingOrder(
                "JD",
                "298765432101",
                Instant.parse("2026-11-10T16:01:02Z"),
                "CNY",
                656730,
                new IncomingCustomer("李四", "+8613912345678", null, "jd:jd_pin_x"),
                new IncomingAddress("ZH", "李四", "+8613912345678", "CN", "广东", "深圳市", "南山区",
                        "粤海街道科技园南区深南大道10000号腾讯大厦", null, null),
                List.of(
                        new IncomingItem("FRIDGE-BCD-501", "海尔（Haier）501升 十字对开门 变频风冷无霜 冰箱", "large_appliance", null,
                                "星蕴银", 1, 449910, 499900),
                        new IncomingItem("100023456789", "华为 FreeBuds Pro 4 无线降噪耳机 冰霜银", "digital", null, null, 1,
                                98910, 109900),
                        new IncomingItem("HOODIE-XL-BLK", "李宁 男子 连帽卫衣 运动服", "apparel", "XL", "黑色", 2, 53955, 59950)),
                new IncomingPayment("JD_PAY", "PAID", 656730, List.of(new IncomingTransaction("CHARGE", "SUCCEEDED",
                        656730, null, null, Instant.parse("2026-11-10T16:02:10Z"))))));
    }

    @Test
    void sampleCashOnDeliveryOrderIsPendingWithoutCharge() {
        IncomingOrder order = format.normalize(Payloads.load("jd-order-cod.json"));

        assertThat(order).isEqualTo(new IncomingOrder(
                "JD",
                "298765439999",
                Instant.parse("2026-11-12T11:30:00Z"),
                "CNY",
                46990,
                new IncomingCustomer("王五", "+8657188886666", null, "jd:jd_pin_cod"),
                new IncomingAddress("ZH", "王五", "+8657188886666", "CN", "浙江", "杭州市", "西湖区", "文新街道文一西路969号",
                        null, null),
                List.of(
                        new IncomingItem("CRAB-YCL-8", "阳澄湖大闸蟹 鲜活现货 公4.0两 母3.0两 8只装", "fresh", null, null, 1,
                                39800, 39800),
                        new IncomingItem("RICE-WC-5KG", "五常大米 稻花香 5kg", "general", null, null, 1, 5990, 5990)),
                new IncomingPayment("COD", "PENDING", 46990, List.of())));
    }

    @Test
    void orderDiscountIsSharedOverTheLinesWithoutLosingAFen() {
        ObjectNode raw = Payloads.load("jd-order.json");
        raw.put("orderPayment", "7296.99");

        List<IncomingItem> items = format.normalize(raw).items();

        assertThat(items).extracting(IncomingItem::unitPriceMinor).containsExactly(499899L, 109900L, 59950L);
    }

    @Test
    void freightIsNotPartOfWhatTheGoodsCost() {
        ObjectNode raw = Payloads.load("jd-order.json");
        raw.put("orderPayment", "7307.00");
        raw.put("freightPrice", "10.00");

        assertThat(format.normalize(raw).items()).allMatch(i -> i.unitPriceMinor() == i.listPriceMinor());
    }

    @Test
    void variantFallsBackToTheProductName() {
        ObjectNode raw = Payloads.load("jd-order.json");
        ObjectNode hoodie = (ObjectNode) raw.get("itemInfoList").get(2);
        hoodie.remove("itemExt");
        hoodie.put("skuName", "李宁 男子 连帽卫衣 深灰色 L");

        IncomingItem item = format.normalize(raw).items().get(2);

        assertThat(item.size()).isEqualTo("L");
        assertThat(item.colour()).isEqualTo("深灰色");
    }

    @Test
    void goodsTotalDisagreeingWithTheItemsIsATotalMismatch() {
        ObjectNode raw = Payloads.load("jd-order.json");
        raw.put("orderTotalPrice", "7300.00");

        assertThat(violations(raw)).containsExactly(new FieldViolation("orderTotalPrice", "total_mismatch", "7300.00"));
    }

    @Test
    void maskedMobileFromJdIsRejectedWithoutRevealingMore() {
        ObjectNode raw = Payloads.load("jd-order.json");
        ((ObjectNode) raw.get("consigneeInfo")).put("mobile", "139****5678");

        assertThat(violations(raw))
                .containsExactly(new FieldViolation("consigneeInfo.mobile", "invalid_phone", "139****5678"));
    }

    @Test
    void invalidSampleReportsEveryProblem() {
        assertThat(violations(Payloads.load("jd-order-invalid.json"))).containsExactlyInAnyOrder(
                new FieldViolation("consigneeInfo", "required", null),
                new FieldViolation("orderPayment", "invalid_number", "abc"),
                new FieldViolation("itemInfoList", "no_items", null));
    }

    @Test
    void recognizesJdOrdersOnly() {
        assertThat(format.recognizes(Payloads.load("jd-order.json"))).isTrue();
        assertThat(format.recognizes(Payloads.load("shopify-order.json"))).isFalse();
        assertThat(format.recognizes(Payloads.load("taobao-order.json"))).isFalse();
    }

    private List<FieldViolation> violations(ObjectNode raw) {
        InvalidOrderException rejected = catchThrowableOfType(InvalidOrderException.class, () -> format.normalize(raw));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.violations();
    }
}
