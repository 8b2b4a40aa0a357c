package io.ordercare.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JD (京东) POP order as the order API returns it ({@code jingdong.pop.order.get}, the {@code orderInfo} object).
 * Times are Beijing time, amounts yuan, currency always CNY.
 * <ul>
 *   <li>{@code orderId} → externalId; {@code orderStartTime} → placedAt; {@code orderPayment} (what the buyer pays:
 *       goods after all discounts, plus {@code freightPrice}) → totalMinor.</li>
 *   <li>JD shows sellers only the consignee, so the customer is reached as the consignee:
 *       {@code consigneeInfo.fullname}, {@code mobile} (else the landline {@code telephone}), {@code jd:<pin>}.</li>
 *   <li>ZH address from {@code consigneeInfo}: {@code province}, {@code city}, {@code county} → district;
 *       {@code fullAddress} repeats those in front of the street, so the street is what follows them.</li>
 *   <li>{@code itemInfoList[]}: {@code outerSkuId} (the merchant's code), else JD's {@code skuId}; {@code skuName};
 *       size and colour from {@code itemExt} ("颜色:黑色 尺码:XL"), else from the name; {@code itemTotal} is the
 *       quantity; {@code jdPrice} → list price. JD reports discounts only for the whole order, so the goods' share
 *       of {@code orderPayment} (without freight) is split over the lines by their value at list price; that share
 *       per unit → unit price. Category from the name.</li>
 *   <li>{@code payType} "1-货到付款" → COD, PENDING, nothing charged; "4-在线支付" → JD_PAY, PAID with a succeeded
 *       charge at {@code paymentConfirmTime} once that is set, else PENDING; any other → OTHER.</li>
 *   <li>{@code orderTotalPrice} (goods total) must be the sum of jdPrice × itemTotal.</li>
 * </ul>
 */
public final class JdFormat implements PlatformFormat {

    private static final String COUNTRY = "CN";
    private static final String CURRENCY = "CNY";
    private static final String CASH_ON_DELIVERY = "1";
    private static final String ONLINE = "4";

    private final CategoryClassifier categories = new CategoryClassifier();

    @Override
    public String platform() {
        return "JD";
    }

    @Override
    public boolean recognizes(JsonNode raw) {
        return raw.has("orderId") && raw.path("itemInfoList").isArray();
    }

    @Override
    public IncomingOrder normalize(JsonNode raw) {
        PayloadReader order = PayloadReader.of(raw);
        PayloadReader consignee = order.requiredObject("consigneeInfo");
        String mobile = consignee.phone("mobile", COUNTRY);
        String landline = consignee.phone("telephone", COUNTRY);
        String phone = consignee.required("mobile", Optional.ofNullable(mobile).orElse(landline));
        String name = consignee.requiredText("fullname");
        String pin = order.text("pin");
        long total = order.amount("orderPayment");
        long goodsPaid = goodsPaid(order, total);
        List<IncomingItem> items = items(order.lines("itemInfoList"), goodsPaid);
        OrderTotals.checkGoodsTotal(order, "orderTotalPrice", order.amount("orderTotalPrice"), "itemInfoList", items);
        return order.validOrThrow(new IncomingOrder(
                platform(),
                order.requiredText("orderId"),
                order.time("orderStartTime", BeijingTime.FORMAT),
                CURRENCY,
                total,
                new IncomingCustomer(name, phone, null, pin == null ? null : "jd:" + pin),
                address(consignee, name, phone),
                items,
                payment(order, total)));
    }

    private static long goodsPaid(PayloadReader order, long total) {
        long freight = order.amountOr("freightPrice", 0);
        if (freight > total && !order.hasViolationsAt("orderPayment")) {
            order.reject("freightPrice", ViolationCode.TOTAL_MISMATCH, order.text("freightPrice"));
            return 0;
        }
        return total - freight;
    }

    private static IncomingAddress address(PayloadReader consignee, String name, String phone) {
        String province = consignee.requiredText("province");
        String city = consignee.requiredText("city");
        String county = consignee.text("county");
        String fullAddress = consignee.requiredText("fullAddress");
        return new IncomingAddress(IncomingAddress.ZH, name, phone, COUNTRY, province, city, county,
                streetOf(fullAddress, province, city, county), null, null);
    }

    private static String streetOf(String fullAddress, String... regions) {
        if (fullAddress == null) {
            return null;
        }
        String street = fullAddress;
        for (String region : regions) {
            if (region != null && street.startsWith(region)) {
                street = street.substring(region.length()).strip();
            }
        }
        return street.isEmpty() ? fullAddress : street;
    }

    private List<IncomingItem> items(List<PayloadReader> lines, long goodsPaid) {
        List<IncomingItem> atListPrice = lines.stream().map(this::itemAtListPrice).toList();
        long[] linePaid = OrderTotals.proportionalShares(goodsPaid,
                atListPrice.stream().map(OrderTotals::valueAtListPrice).toList());
        List<IncomingItem> items = new ArrayList<>();
        for (int i = 0; i < atListPrice.size(); i++) {
            IncomingItem item = atListPrice.get(i);
            items.add(item.withUnitPriceMinor(OrderTotals.perUnit(linePaid[i], item.quantity())));
        }
        return items;
    }

    private IncomingItem itemAtListPrice(PayloadReader line) {
        String name = line.requiredText("skuName");
        long listPrice = line.amount("jdPrice");
        VariantAttributes variant = VariantAttributes.fromLabelledPairs(line.text("itemExt"))
                .or(VariantAttributes.fromProductName(name));
        return new IncomingItem(
                line.required("skuId", Optional.ofNullable(line.text("outerSkuId")).orElse(line.text("skuId"))),
                name,
                categories.classify(null, name),
                variant.size(),
                variant.colour(),
                line.quantity("itemTotal"),
                listPrice,
                listPrice);
    }

    private static IncomingPayment payment(PayloadReader order, long total) {
        String payType = Optional.ofNullable(order.text("payType")).orElse("");
        String code = payType.split("-", 2)[0].strip();
        if (CASH_ON_DELIVERY.equals(code)) {
            return new IncomingPayment(PaymentMethod.COD.name(), IncomingPayment.PENDING, total, List.of());
        }
        String method = (ONLINE.equals(code) ? PaymentMethod.JD_PAY : PaymentMethod.OTHER).name();
        Instant confirmedAt = order.optionalTime("paymentConfirmTime", BeijingTime.FORMAT);
        if (confirmedAt == null) {
            return new IncomingPayment(method, IncomingPayment.PENDING, total, List.of());
        }
        return new IncomingPayment(method, IncomingPayment.PAID, total,
                List.of(IncomingTransaction.succeededCharge(total, null, confirmedAt)));
    }
}
