package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shopify's optional {@code transactions} as the payment's transactions (see {@link ShopifyTransactions}). */
class ShopifyTransactionsTest {

    private static final Instant ORDER_PROCESSED = Instant.parse("2026-11-27T14:15:31Z");

    private final ShopifyFormat format = new ShopifyFormat();

    @Test
    void failedInsufficientFundsSaleThenSucceededSaleIsPaidWithBoth() {
        IncomingPayment payment = format.normalize(Payloads.load("shopify-order-insufficient-funds.json")).payment();

        assertThat(payment).isEqualTo(new IncomingPayment("CARD", "PAID", 23133, List.of(
                new IncomingTransaction("CHARGE", "FAILED", 23133, "7301000001", "insufficient_funds",
                        Instant.parse("2026-11-27T14:15:31Z")),
                new IncomingTransaction("CHARGE", "SUCCEEDED", 23133, "ch_1051_b7Kp2QxR", null,
                        Instant.parse("2026-11-27T14:17:04Z")))));
    }

    @Test
    void twoSucceededSalesOfTheTotalStayTwoCharges() {
        IncomingPayment payment = format.normalize(Payloads.load("shopify-order-double-charge.json")).payment();

        assertThat(payment.status()).isEqualTo("PAID");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "SUCCEEDED", 23133, "ch_1052_a1Fw9LmT", null,
                        Instant.parse("2026-11-27T14:15:31Z")),
                new IncomingTransaction("CHARGE", "SUCCEEDED", 23133, "ch_1052_c4Hz0NvY", null,
                        Instant.parse("2026-11-27T14:15:38Z")));
    }

    @Test
    void transactionsAreInTimeOrderWhateverOrderTheyCameIn() {
        ObjectNode raw = Payloads.load("shopify-order-insufficient-funds.json");
        ArrayNode sent = (ArrayNode) raw.get("transactions");
        raw.putArray("transactions").add(sent.get(1)).add(sent.get(0));

        assertThat(format.normalize(raw).payment().transactions()).extracting(IncomingTransaction::status)
                .containsExactly("FAILED", "SUCCEEDED");
    }

    @Test
    void openAuthorizationIsAPendingCharge() {
        ObjectNode raw = withTransactions(tx("1", "authorization", "success", "231.33").put("authorization", "auth-1"));
        raw.put("financial_status", "authorized");

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("PENDING");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "PENDING", 23133, "auth-1", null, at(1)));
    }

    @Test
    void captureTakesTheMoneyTheAuthorizationItNamesReserved() {
        ObjectNode raw = withTransactions(
                tx("1", "authorization", "success", "231.33").put("authorization", "auth-1"),
                tx("2", "capture", "success", "231.33").put("parent_id", "1"));

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("PAID");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "SUCCEEDED", 23133, "2", null, at(2)));
    }

    @Test
    void captureFindsItsAuthorizationByAuthorizationCodeElseTakesTheLatestOpenOne() {
        ObjectNode byCode = withTransactions(
                tx("1", "authorization", "success", "100.00").put("authorization", "auth-1"),
                tx("2", "authorization", "success", "131.33").put("authorization", "auth-2"),
                tx("3", "capture", "success", "100.00").put("authorization", "auth-1"));
        ObjectNode unnamed = withTransactions(
                tx("1", "authorization", "success", "100.00").put("authorization", "auth-1"),
                tx("2", "authorization", "success", "131.33").put("authorization", "auth-2"),
                tx("3", "capture", "success", "131.33"));

        assertThat(format.normalize(byCode).payment().transactions()).extracting(IncomingTransaction::providerRef)
                .containsExactly("auth-2", "auth-1");
        assertThat(format.normalize(unnamed).payment().transactions()).extracting(IncomingTransaction::providerRef)
                .containsExactly("auth-1", "3");
    }

    @Test
    void failedCaptureLeavesTheAuthorizationOpen() {
        ObjectNode raw = withTransactions(
                tx("1", "authorization", "success", "231.33"),
                tx("2", "capture", "error", "231.33").put("error_code", "processing_error"));

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("PENDING");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "PENDING", 23133, "1", null, at(1)),
                new IncomingTransaction("CHARGE", "FAILED", 23133, "2", "processing_error", at(2)));
    }

    @Test
    void declinedAuthorizationIsAFailedChargeWithItsReason() {
        ObjectNode raw = withTransactions(tx("1", "authorization", "failure", "231.33")
                .put("error_code", "card_declined").put("message", "Your card was declined."));

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("FAILED");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "FAILED", 23133, "1", "card_declined", at(1)));
    }

    @Test
    void successfulVoidMakesTheAuthorizationAFailedChargeAndIsNoTransactionItself() {
        ObjectNode raw = withTransactions(
                tx("1", "authorization", "success", "231.33"),
                tx("2", "void", "success", "0.00").put("parent_id", "1"));

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("FAILED");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "FAILED", 23133, "1", "voided", at(1)));
    }

    @Test
    void failedVoidChangesNothing() {
        ObjectNode raw = withTransactions(
                tx("1", "authorization", "success", "231.33"),
                tx("2", "void", "failure", "0.00").put("parent_id", "1"));

        assertThat(format.normalize(raw).payment().transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "PENDING", 23133, "1", null, at(1)));
    }

    @Test
    void refundIsARefundAndLeavesThePaymentPaid() {
        ObjectNode raw = withTransactions(
                tx("1", "sale", "success", "231.33"),
                tx("2", "refund", "success", "29.90"));

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("PAID");
        assertThat(payment.transactions()).containsExactly(
                new IncomingTransaction("CHARGE", "SUCCEEDED", 23133, "1", null, at(1)),
                new IncomingTransaction("REFUND", "SUCCEEDED", 2990, "2", null, at(2)));
    }

    @Test
    void withoutAnyChargeTheFinancialStatusDecides() {
        ObjectNode raw = withTransactions(tx("1", "refund", "pending", "10.00"));

        IncomingPayment payment = format.normalize(raw).payment();

        assertThat(payment.status()).isEqualTo("PAID");
        assertThat(payment.transactions()).extracting(IncomingTransaction::kind).containsExactly("REFUND");
    }

    @Test
    void failureReasonIsTheLowerCaseCodeElseTheMessageElseTheStatus() {
        String longMessage = "Do not honour:   " + "x".repeat(300);
        ObjectNode raw = withTransactions(
                tx("1", "sale", "failure", "231.33").put("error_code", "CARD_DECLINED"),
                tx("2", "sale", "failure", "231.33").put("message", longMessage),
                tx("3", "sale", "error", "231.33"),
                tx("4", "sale", "success", "231.33").put("message", "Transaction approved"));

        List<IncomingTransaction> transactions = format.normalize(raw).payment().transactions();

        assertThat(transactions).extracting(IncomingTransaction::failureReason)
                .containsExactly("card_declined", ("Do not honour: " + "x".repeat(300)).substring(0, 200), "error",
                        null);
    }

    @Test
    void kindAndStatusAreReadCaseInsensitively() {
        ObjectNode raw = withTransactions(tx("1", "SALE", "Success", "231.33"));

        assertThat(format.normalize(raw).payment().transactions()).extracting(IncomingTransaction::status)
                .containsExactly("SUCCEEDED");
    }

    @Test
    void timeIsProcessedAtElseCreatedAtElseTheOrdersProcessedAt() {
        ObjectNode created = tx("2", "sale", "failure", "231.33");
        created.remove("processed_at");
        created.put("created_at", "2026-11-27T09:20:00-05:00");
        ObjectNode timeless = tx("3", "sale", "success", "231.33");
        timeless.remove("processed_at");

        List<IncomingTransaction> transactions = format.normalize(withTransactions(created, timeless)).payment()
                .transactions();

        assertThat(transactions).extracting(IncomingTransaction::at)
                .containsExactly(ORDER_PROCESSED, Instant.parse("2026-11-27T14:20:00Z"));
    }

    @Test
    void emptyOrNullTransactionsKeepTheFinancialStatusMapping() {
        IncomingOrder without = format.normalize(Payloads.load("shopify-order.json"));
        ObjectNode empty = Payloads.load("shopify-order.json");
        empty.putArray("transactions");
        ObjectNode nothing = Payloads.load("shopify-order.json");
        nothing.putNull("transactions");

        assertThat(format.normalize(empty)).isEqualTo(without);
        assertThat(format.normalize(nothing)).isEqualTo(without);
    }

    @Test
    void invalidSampleReportsEachBadTransactionFieldWithItsPath() {
        assertThat(violations(Payloads.load("shopify-order-transactions-invalid.json"))).containsExactlyInAnyOrder(
                new FieldViolation("transactions[1].amount", "invalid_number", "231,33"),
                new FieldViolation("transactions[2].kind", "invalid_value", "chargeback"),
                new FieldViolation("transactions[2].status", "invalid_value", "done"));
    }

    @Test
    void missingKindStatusAndAmountAreRequired() {
        ObjectNode bare = JsonNodeFactory.instance.objectNode().put("id", 1);

        assertThat(violations(withTransactions(tx("1", "sale", "success", "231.33"), bare))).containsExactlyInAnyOrder(
                new FieldViolation("transactions[1].kind", "required", null),
                new FieldViolation("transactions[1].status", "required", null),
                new FieldViolation("transactions[1].amount", "required", null));
    }

    @Test
    void negativeAmountBadTimeAndForeignCurrencyAreRejected() {
        ObjectNode raw = withTransactions(tx("1", "refund", "success", "-5.00").put("currency", "EUR")
                .put("processed_at", "27/11/2026 09:15"));

        assertThat(violations(raw)).containsExactlyInAnyOrder(
                new FieldViolation("transactions[0].amount", "must_not_be_negative", "-5.00"),
                new FieldViolation("transactions[0].currency", "currency_mismatch", "EUR"),
                new FieldViolation("transactions[0].processed_at", "invalid_date", "27/11/2026 09:15"));
    }

    @Test
    void providerReferenceTooLongToStoreIsRejected() {
        ObjectNode raw = withTransactions(tx("1", "sale", "success", "231.33").put("authorization", "a".repeat(101)));

        assertThat(violations(raw)).containsExactly(
                new FieldViolation("transactions[0].authorization", "too_long", "a".repeat(64)));
    }

    @Test
    void transactionsThatAreNoArrayOrHoldNoObjectsAreRejected() {
        ObjectNode text = Payloads.load("shopify-order.json").put("transactions", "sale");
        ObjectNode element = withTransactions(tx("1", "sale", "success", "231.33"));
        ((ArrayNode) element.get("transactions")).add("sale");

        assertThat(violations(text)).containsExactly(new FieldViolation("transactions", "invalid_value", "sale"));
        assertThat(violations(element)).containsExactly(new FieldViolation("transactions[1]", "required", null));
    }

    /** The sample order with these transactions. */
    private static ObjectNode withTransactions(ObjectNode... transactions) {
        ObjectNode raw = Payloads.load("shopify-order.json");
        ArrayNode array = raw.putArray("transactions");
        for (ObjectNode t : transactions) {
            array.add(t);
        }
        return raw;
    }

    /** A transaction processed {@code id} minutes after the order. */
    private static ObjectNode tx(String id, String kind, String status, String amount) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("kind", kind).put("status", status)
                .put("amount", amount).put("currency", "USD").put("gateway", "shopify_payments")
                .put("processed_at", at(Integer.parseInt(id)).toString());
    }

    private static Instant at(int minutes) {
        return ORDER_PROCESSED.plusSeconds(60L * minutes);
    }

    private List<FieldViolation> violations(ObjectNode raw) {
        InvalidOrderException rejected = catchThrowableOfType(InvalidOrderException.class, () -> format.normalize(raw));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.violations();
    }
}
