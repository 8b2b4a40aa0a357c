package io.ordercare.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Shopify's {@code orders/create} webhook, i.e. the REST Admin API order resource.
 * <ul>
 *   <li>{@code id} → externalId; {@code created_at} (ISO-8601 with offset) → placedAt; {@code currency} (the
 *       shop's) → currency; {@code total_price} (lines after discounts, plus shipping and tax) → totalMinor.</li>
 *   <li>customer: {@code customer.first_name}/{@code last_name}; phone of the customer, else of the order, else of
 *       the shipping address; {@code email}, else the customer's; {@code shopify:<customer.id>}.</li>
 *   <li>{@code shipping_address} → WESTERN: {@code name} (else first + last name) → recipient, {@code address1}
 *       → street, {@code address2} → line2, {@code province_code} → province, {@code country_code} → country,
 *       {@code zip} → postal code. Phones without a calling code count as numbers of the shipping country.</li>
 *   <li>{@code line_items}: {@code sku}, else {@code shopify-variant-<variant_id>} as merchants may leave SKUs
 *       empty; {@code title} → name; {@code variant_title} ("M / Red") → size, colour; {@code product_type} and
 *       title → category; {@code price} → list price; price less the line's discount per unit → unit price. The
 *       line's discount is the sum of its {@code discount_allocations}, which include its share of order-level
 *       discount codes, else its {@code total_discount}.</li>
 *   <li>first of {@code payment_gateway_names} → method. {@code financial_status}: paid, partially_refunded,
 *       refunded → PAID with a succeeded charge dated {@code processed_at} (refunds arrive by their own webhook);
 *       authorized → PENDING with a pending charge; voided → FAILED; pending, partially_paid → PENDING.</li>
 *   <li>{@code transactions} (optional; Shopify's Transaction resource: {@code id, kind, status, amount, currency,
 *       gateway, authorization, parent_id, error_code, message, processed_at}): when the array is sent and not
 *       empty, these are the payment's transactions, in time order and as sent (two succeeded sales of the total
 *       stay two charges), instead of the one derived from {@code financial_status}: sale, capture → CHARGE;
 *       refund → REFUND; an authorization is a PENDING charge while open, a FAILED one when declined, and is
 *       dropped once captured; a successful void makes what it cancels a FAILED charge with reason
 *       {@code voided}. success → SUCCEEDED, failure and error → FAILED, pending → PENDING. providerRef:
 *       {@code authorization}, else {@code id}; failureReason: {@code error_code} in lower case (e.g.
 *       {@code insufficient_funds}, {@code card_declined}, {@code processing_error}), else {@code message}, else
 *       the status, cut to 200 characters. The payment is PAID when a charge succeeded, else PENDING when one is
 *       pending, else FAILED; with no charge among them {@code financial_status} decides. A bad kind, status or
 *       amount, or a currency other than the order's, is reported as e.g. {@code transactions[1].amount}. See
 *       {@link ShopifyTransactions}.</li>
 *   <li>{@code total_line_items_price}, when sent, must be the sum of price × quantity.</li>
 * </ul>
 */
public final class ShopifyFormat implements PlatformFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Set<String> CARD_GATEWAYS = Set.of(
            "shopify_payments", "stripe", "braintree", "authorize_net", "adyen", "checkout_com", "worldpay",
            "moneris");

    private final CategoryClassifier categories = new CategoryClassifier();

    @Override
    public String platform() {
        return "SHOPIFY";
    }

    @Override
    public boolean recognizes(JsonNode raw) {
        return raw.path("line_items").isArray() && raw.has("financial_status");
    }

    @Override
    public IncomingOrder normalize(JsonNode raw) {
        PayloadReader order = PayloadReader.of(raw);
        PayloadReader shipping = order.requiredObject("shipping_address");
        String country = shipping.requiredText("country_code");
        String recipientPhone = shipping.phone("phone", country);
        Instant placedAt = order.time("created_at", TIME);
        long total = order.amount("total_price");
        List<IncomingItem> items = order.lines("line_items").stream().map(this::item).toList();
        if (order.has("total_line_items_price")) {
            OrderTotals.checkGoodsTotal(order, "total_line_items_price", order.amount("total_line_items_price"),
                    "line_items", items);
        }
        return order.validOrThrow(new IncomingOrder(
                platform(),
                order.requiredText("id"),
                placedAt,
                order.currency("currency"),
                total,
                customer(order, country, recipientPhone),
                address(shipping, country, recipientPhone),
                items,
                payment(order, total, placedAt)));
    }

    private static IncomingCustomer customer(PayloadReader order, String country, String recipientPhone) {
        PayloadReader customer = order.object("customer");
        String customerPhone = customer.phone("phone", country);
        String orderPhone = order.phone("phone", country);
        String phone = Stream.of(customerPhone, orderPhone, recipientPhone).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String email = Optional.ofNullable(order.text("email")).orElse(customer.text("email"));
        String id = customer.text("id");
        return new IncomingCustomer(fullName(customer), phone, email, id == null ? null : "shopify:" + id);
    }

    private static IncomingAddress address(PayloadReader shipping, String country, String phone) {
        return new IncomingAddress(
                IncomingAddress.WESTERN,
                shipping.required("name", Optional.ofNullable(shipping.text("name")).orElse(fullName(shipping))),
                phone,
                country,
                shipping.text("province_code"),
                shipping.requiredText("city"),
                null,
                shipping.requiredText("address1"),
                shipping.text("address2"),
                shipping.text("zip"));
    }

    private IncomingItem item(PayloadReader line) {
        String name = line.requiredText("title");
        int quantity = line.quantity("quantity");
        long listPrice = line.amount("price");
        VariantAttributes variant = VariantAttributes.fromOptionValues(line.text("variant_title"));
        return new IncomingItem(
                sku(line),
                name,
                categories.classify(line.text("product_type"), name),
                variant.size(),
                variant.colour(),
                quantity,
                unitPricePaid(line, listPrice, quantity),
                listPrice);
    }

    private static String sku(PayloadReader line) {
        String sku = line.text("sku");
        String variantId = line.text("variant_id");
        if (sku == null && variantId != null) {
            sku = "shopify-variant-" + variantId;
        }
        return line.required("sku", sku);
    }

    private static long unitPricePaid(PayloadReader line, long listPrice, int quantity) {
        boolean allocated = line.has("discount_allocations");
        String discountField = allocated ? "discount_allocations" : "total_discount";
        long discount = allocated
                ? line.array("discount_allocations").stream().mapToLong(a -> a.amount("amount")).sum()
                : line.amountOr("total_discount", 0);
        long unitDiscount = OrderTotals.perUnit(discount, quantity);
        if (unitDiscount > listPrice) {
            line.reject(discountField, ViolationCode.TOTAL_MISMATCH, BigDecimal.valueOf(discount, 2).toPlainString());
            return 0;
        }
        return listPrice - unitDiscount;
    }

    private static IncomingPayment payment(PayloadReader order, long total, Instant placedAt) {
        List<String> gateways = order.texts("payment_gateway_names");
        String method = (gateways.isEmpty() ? PaymentMethod.OTHER : method(gateways.get(0))).name();
        Instant processedAt = Optional.ofNullable(order.optionalTime("processed_at", TIME)).orElse(placedAt);
        IncomingPayment byStatus = byFinancialStatus(order.text("financial_status"), method, total, processedAt);
        String currency = order.hasViolationsAt("currency") ? null : order.text("currency");
        return ShopifyTransactions.read(order, currency, processedAt, TIME)
                .map(t -> new IncomingPayment(method, Optional.ofNullable(t.paymentStatus()).orElse(byStatus.status()),
                        total, t.transactions()))
                .orElse(byStatus);
    }

    private static IncomingPayment byFinancialStatus(String financialStatus, String method, long total,
            Instant processedAt) {
        return switch (financialStatus == null ? "" : financialStatus) {
            case "paid", "partially_refunded", "refunded" -> new IncomingPayment(method, IncomingPayment.PAID, total,
                    List.of(IncomingTransaction.succeededCharge(total, null, processedAt)));
            case "authorized" -> new IncomingPayment(method, IncomingPayment.PENDING, total,
                    List.of(IncomingTransaction.pendingCharge(total, null, processedAt)));
            case "voided" -> new IncomingPayment(method, IncomingPayment.FAILED, total,
                    List.of(IncomingTransaction.failedCharge(total, null, financialStatus, processedAt)));
            default -> new IncomingPayment(method, IncomingPayment.PENDING, total, List.of());
        };
    }

    private static PaymentMethod method(String gateway) {
        String name = gateway.toLowerCase(Locale.ROOT);
        if (name.contains("paypal")) {
            return PaymentMethod.PAYPAL;
        }
        if (name.contains("cash on delivery") || name.contains("(cod)")) {
            return PaymentMethod.COD;
        }
        if (name.contains("alipay")) {
            return PaymentMethod.ALIPAY;
        }
        if (name.contains("wechat")) {
            return PaymentMethod.WECHAT_PAY;
        }
        return CARD_GATEWAYS.contains(name) ? PaymentMethod.CARD : PaymentMethod.OTHER;
    }

    private static String fullName(PayloadReader person) {
        String first = person.text("first_name");
        String last = person.text("last_name");
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return first + " " + last;
    }
}
