package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopifyFormatTest {

    private final ShopifyFormat format = new ShopifyFormat();

    @Test
    void sampleOrderMapsToTheCanonicalOrder() {
        IncomingOrder order = format.normalize(Payloads.load("shopify-order.json"));

        assertThat(order).isEqualTo(new IncomingOrder(
                "SHOPIFY",
                "5890123456789",
                Instant.parse("2026-11-27T14:15:30Z"),
                "USD",
                23133,
                new IncomingCustomer("Emma Walker", "+14155550100", "emma.walker@example.com", "shopify:7390012"),
                new IncomingAddress("WESTERN", "Emma Walker", "+14155550100", "US", "CA", "San Francisco", null,
                        "1600 Market St", "Apt 5B", "94103"),
                List.of(
                        new IncomingItem("TEE-CREW-M-RED", "Classic Crew Tee", "apparel", "M", "Red", 2, 2690, 2990),
                        new IncomingItem("AUR-HP-BLK", "Aurora Wireless Headphones", "digital", null, "Black", 1,
                                12900, 12900),
                        new IncomingItem("shopify-variant-44112233445588", "Stainless Steel Water Bottle 750 ml",
                                "general", null, null, 1, 2400, 2400)),
                new IncomingPayment("CARD", "PAID", 23133, List.of(new IncomingTransaction("CHARGE", "SUCCEEDED",
                        23133, null, null, Instant.parse("2026-11-27T14:15:31Z"))))));
    }

    @Test
    void placedAtHonoursTheOffsetShopifySends() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.put("created_at", "2026-11-28T08:00:00+08:00");

        assertThat(format.normalize(raw).placedAt()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void discountAllocationsWinOverTheDeprecatedTotalDiscount() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        line(raw, 0).put("total_discount", "0.00");

        assertThat(format.normalize(raw).items().get(0).unitPriceMinor()).isEqualTo(2690);
    }

    @Test
    void totalDiscountCountsWhenNoAllocationsAreSent() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        line(raw, 0).remove("discount_allocations");
        line(raw, 0).put("total_discount", "10.00");

        assertThat(format.normalize(raw).items().get(0).unitPriceMinor()).isEqualTo(2490);
    }

    @Test
    void nationalPhoneNumbersTakeTheCallingCodeOfTheShippingCountry() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        ((ObjectNode) raw.get("customer")).remove("phone");
        ((ObjectNode) raw.get("shipping_address")).put("country_code", "GB").put("phone", "07700 900123");

        IncomingOrder order = format.normalize(raw);

        assertThat(order.customer().phone()).isEqualTo("+447700900123");
        assertThat(order.address().recipientPhone()).isEqualTo("+447700900123");
    }

    @Test
    void cashOnDeliveryIsPendingWithoutCharge() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.put("financial_status", "pending");
        raw.putArray("payment_gateway_names").add("Cash on Delivery (COD)");

        assertThat(format.normalize(raw).payment())
                .isEqualTo(new IncomingPayment("COD", "PENDING", 23133, List.of()));
    }

    @Test
    void authorizedCardPaymentIsPendingWithAPendingCharge() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.put("financial_status", "authorized");

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("PENDING");
        assertThat(payment.transactions()).extracting(IncomingTransaction::status).containsExactly("PENDING");
    }

    @Test
    void paypalGatewayIsPaypal() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.putArray("payment_gateway_names").add("paypal");

        assertThat(format.normalize(raw).payment().method()).isEqualTo("PAYPAL");
    }

    @Test
    void lineItemsPriceDisagreeingWithTheLinesIsATotalMismatch() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.put("total_line_items_price", "200.00");

        assertThat(violations(raw))
                .containsExactly(new FieldViolation("total_line_items_price", "total_mismatch", "200.00"));
    }

    @Test
    void missingShippingAddressIsReportedOnceNotPerField() {
        ObjectNode raw = Payloads.load("shopify-order.json");
        raw.remove("shipping_address");

        assertThat(violations(raw)).containsExactly(new FieldViolation("shipping_address", "required", null));
    }

    @Test
    void invalidSampleReportsEveryProblemWithItsPathAndMaskedPhone() {
        assertThat(violations(Payloads.load("shopify-order-invalid.json"))).containsExactlyInAnyOrder(
                new FieldViolation("created_at", "invalid_date", "27/11/2026 09:15"),
                new FieldViolation("currency", "invalid_currency", "US$"),
                new FieldViolation("total_price", "must_not_be_negative", "-5.00"),
                new FieldViolation("line_items[0].quantity", "must_be_positive", "0"),
                new FieldViolation("line_items[1].title", "required", null),
                new FieldViolation("line_items[1].price", "invalid_number", "12,50"),
                new FieldViolation("customer.phone", "invalid_phone", "+86138****0000"),
                new FieldViolation("shipping_address.address1", "required", null));
    }

    @Test
    void recognizesShopifyOrdersOnly() {
        assertThat(format.recognizes(Payloads.load("shopify-order.json"))).isTrue();
        assertThat(format.recognizes(Payloads.load("taobao-order.json"))).isFalse();
        assertThat(format.recognizes(Payloads.load("jd-order.json"))).isFalse();
    }

    private static ObjectNode line(ObjectNode raw, int index) {
        return (ObjectNode) raw.get("line_items").get(index);
    }

    private List<FieldViolation> violations(ObjectNode raw) {
        InvalidOrderException rejected = catchThrowableOfType(InvalidOrderException.class, () -> format.normalize(raw));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.violations();
    }
}
