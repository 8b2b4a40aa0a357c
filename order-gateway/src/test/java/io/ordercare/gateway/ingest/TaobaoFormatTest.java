package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaobaoFormatTest {

    private final TaobaoFormat format = new TaobaoFormat();

    @Test
    void sampleTradeMapsToTheCanonicalOrder() {
        IncomingOrder order = format.normalize(Payloads.load("taobao-order.json"));

        assertThat(order).isEqualTo(new IncomingOrder(
                "TAOBAO",
                "3912345678901234567",
                Instant.parse("2026-11-10T16:01:02Z"),
                "CNY",
                39800,
                new IncomingCustomer("张三", "+8613812345678", null, "taobao:tb_buyer_1"),
                new IncomingAddress("ZH", "张三", "+8613812345678", "CN", "浙江省", "杭州市", "西湖区", "文一西路969号3幢501室",
                        null, "310012"),
                List.of(
                        new IncomingItem("TSHIRT-M-RED", "纯棉短袖T恤 男女同款 宽松圆领", "apparel", "M", "红色", 2, 8900, 9900),
                        new IncomingItem("CHERRY-CL-1KG", "智利进口车厘子 2斤装 新鲜水果 顺丰冷链", "fresh", null, null, 1, 12900,
                                14900),
                        new IncomingItem("5012345678903", "蓝牙耳机 主动降噪 真无线 超长续航", "digital", null, "白色", 1, 9100,
                                10000)),
                new IncomingPayment("ALIPAY", "PAID", 39800, List.of(new IncomingTransaction("CHARGE", "SUCCEEDED",
                        39800, "2026111122001456781234567890", null, Instant.parse("2026-11-10T16:01:45Z"))))));
    }

    @Test
    void createdIsBeijingTime() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.put("created", "2026-11-11 08:00:00");

        assertThat(format.normalize(raw).placedAt()).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
    }

    @Test
    void numericTidIsReadWhenTidStrIsAbsent() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.remove("tid_str");

        assertThat(format.normalize(raw).externalId()).isEqualTo("3912345678901234567");
    }

    @Test
    void tradeAwaitingPaymentIsPendingWithoutCharge() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.put("status", "WAIT_BUYER_PAY");
        raw.remove("pay_time");
        raw.remove("alipay_no");

        assertThat(format.normalize(raw).payment())
                .isEqualTo(new IncomingPayment("ALIPAY", "PENDING", 39800, List.of()));
    }

    @Test
    void tradeClosedUnpaidIsFailed() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.put("status", "TRADE_CLOSED_BY_TAOBAO");

        assertThat(format.normalize(raw).payment().status()).isEqualTo("FAILED");
    }

    @Test
    void landlineStandsInForAMissingMobile() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.remove("receiver_mobile");
        raw.put("receiver_phone", "0571-88886666");

        assertThat(format.normalize(raw).address().recipientPhone()).isEqualTo("+8657188886666");
    }

    @Test
    void noReachablePhoneIsAMissingMobile() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.remove("receiver_mobile");

        assertThat(violations(raw)).containsExactly(new FieldViolation("receiver_mobile", "required", null));
    }

    @Test
    void subOrderPaymentIsUsedWhenNoSharedOutFeeIsSent() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        subOrder(raw, 0).remove("divide_order_fee");
        subOrder(raw, 0).put("payment", "150.00");

        assertThat(format.normalize(raw).items().get(0).unitPriceMinor()).isEqualTo(7500);
    }

    @Test
    void goodsTotalDisagreeingWithTheSubOrdersIsATotalMismatch() {
        ObjectNode raw = Payloads.load("taobao-order.json");
        raw.put("total_fee", "450.00");

        assertThat(violations(raw)).containsExactly(new FieldViolation("total_fee", "total_mismatch", "450.00"));
    }

    @Test
    void invalidSampleReportsEveryProblemWithItsPathAndMaskedPhone() {
        assertThat(violations(Payloads.load("taobao-order-invalid.json"))).containsExactlyInAnyOrder(
                new FieldViolation("receiver_mobile", "invalid_phone", "13****4567"),
                new FieldViolation("created", "invalid_date", "2026-13-45 25:61:00"),
                new FieldViolation("receiver_city", "required", null),
                new FieldViolation("orders.order[0].num", "invalid_number", "two"),
                new FieldViolation("orders.order[1].price", "must_not_be_negative", "-1.00"));
    }

    @Test
    void recognizesTaobaoTradesOnly() {
        assertThat(format.recognizes(Payloads.load("taobao-order.json"))).isTrue();
        assertThat(format.recognizes(Payloads.load("shopify-order.json"))).isFalse();
        assertThat(format.recognizes(Payloads.load("jd-order.json"))).isFalse();
    }

    private static ObjectNode subOrder(ObjectNode raw, int index) {
        return (ObjectNode) raw.get("orders").get("order").get(index);
    }

    private List<FieldViolation> violations(ObjectNode raw) {
        InvalidOrderException rejected = catchThrowableOfType(InvalidOrderException.class, () -> format.normalize(raw));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.violations();
    }
}
