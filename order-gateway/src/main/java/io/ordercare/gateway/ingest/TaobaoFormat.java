package io.ordercare.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Taobao/Tmall trade as the TOP API returns it ({@code taobao.trade.fullinfo.get}, the {@code trade} object).
 * Times are Beijing time, amounts yuan, currency always CNY.
 * <ul>
 *   <li>{@code tid_str}, else {@code tid} → externalId; {@code created} → placedAt; {@code payment} (paid after
 *       discounts, postage included) → totalMinor.</li>
 *   <li>Taobao shows sellers neither the buyer's name nor phone, so the customer is reached as the receiver:
 *       {@code receiver_name}, {@code receiver_mobile} (else the landline {@code receiver_phone}),
 *       {@code taobao:<buyer_nick>}.</li>
 *   <li>ZH address: {@code receiver_state} → province, {@code receiver_city} → city, {@code receiver_district} →
 *       district, {@code receiver_address} → street, {@code receiver_zip} → postal code.</li>
 *   <li>{@code orders.order[]} (sub-orders): {@code outer_sku_id} (the merchant's code), else {@code sku_id}; {@code
 *       title}; {@code sku_properties_name} ("颜色分类:红色;尺码:M") → size, colour; {@code num}; {@code price} →
 *       list price; {@code divide_order_fee} (paid after shop-wide discounts are shared out), else the sub-order's
 *       {@code payment}, per unit → unit price. Category from the title: {@code cid} is a numeric leaf category
 *       that means nothing without the seller's category tree.</li>
 *   <li>Always Alipay. {@code status}: WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY, PAY_PENDING → PENDING;
 *       TRADE_CLOSED_BY_TAOBAO (closed unpaid) → FAILED; the states after payment → PAID with a succeeded charge
 *       of {@code alipay_no} at {@code pay_time}.</li>
 *   <li>{@code total_fee} (goods total) must be the sum of price × num.</li>
 * </ul>
 */
public final class TaobaoFormat implements PlatformFormat {

    private static final String COUNTRY = "CN";
    private static final String CURRENCY = "CNY";
    private static final Set<String> PAID_STATES = Set.of(
            "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED",
            "TRADE_FINISHED", "TRADE_CLOSED", "PAID_FORBID_CONSIGN");
    private static final String CLOSED_UNPAID = "TRADE_CLOSED_BY_TAOBAO";

    private final CategoryClassifier categories = new CategoryClassifier();

    @Override
    public String platform() {
        return "TAOBAO";
    }

    @Override
    public boolean recognizes(JsonNode raw) {
        return raw.has("tid") && raw.path("orders").has("order");
    }

    @Override
    public IncomingOrder normalize(JsonNode raw) {
        PayloadReader trade = PayloadReader.of(raw);
        String receiverMobile = trade.phone("receiver_mobile", COUNTRY);
        String receiverLandline = trade.phone("receiver_phone", COUNTRY);
        String phone = trade.required("receiver_mobile",
                Optional.ofNullable(receiverMobile).orElse(receiverLandline));
        String receiver = trade.requiredText("receiver_name");
        String buyerNick = trade.text("buyer_nick");
        long total = trade.amount("payment");
        List<IncomingItem> items = trade.object("orders").lines("order").stream().map(this::item).toList();
        OrderTotals.checkGoodsTotal(trade, "total_fee", trade.amount("total_fee"), "orders", items);
        return trade.validOrThrow(new IncomingOrder(
                platform(),
                trade.required("tid", Optional.ofNullable(trade.text("tid_str")).orElse(trade.text("tid"))),
                trade.time("created", BeijingTime.FORMAT),
                CURRENCY,
                total,
                new IncomingCustomer(receiver, phone, null, buyerNick == null ? null : "taobao:" + buyerNick),
                new IncomingAddress(
                        IncomingAddress.ZH,
                        receiver,
                        phone,
                        COUNTRY,
                        trade.requiredText("receiver_state"),
                        trade.requiredText("receiver_city"),
                        trade.text("receiver_district"),
                        trade.requiredText("receiver_address"),
                        null,
                        trade.text("receiver_zip")),
                items,
                payment(trade, total)));
    }

    private IncomingItem item(PayloadReader line) {
        String title = line.requiredText("title");
        int quantity = line.quantity("num");
        long linePaid = line.has("divide_order_fee") ? line.amount("divide_order_fee") : line.amount("payment");
        VariantAttributes variant = VariantAttributes.fromLabelledPairs(line.text("sku_properties_name"));
        return new IncomingItem(
                line.required("outer_sku_id",
                        Optional.ofNullable(line.text("outer_sku_id")).orElse(line.text("sku_id"))),
                title,
                categories.classify(null, title),
                variant.size(),
                variant.colour(),
                quantity,
                OrderTotals.perUnit(linePaid, quantity),
                line.amount("price"));
    }

    private static IncomingPayment payment(PayloadReader trade, long total) {
        String method = PaymentMethod.ALIPAY.name();
        String status = Optional.ofNullable(trade.text("status")).orElse("");
        if (PAID_STATES.contains(status)) {
            Instant paidAt = trade.optionalTime("pay_time", BeijingTime.FORMAT);
            return new IncomingPayment(method, IncomingPayment.PAID, total,
                    List.of(IncomingTransaction.succeededCharge(total, trade.text("alipay_no"), paidAt)));
        }
        String outcome = CLOSED_UNPAID.equals(status) ? IncomingPayment.FAILED : IncomingPayment.PENDING;
        return new IncomingPayment(method, outcome, total, List.of());
    }
}
