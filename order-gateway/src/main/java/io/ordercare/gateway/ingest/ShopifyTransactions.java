package io.ordercare.gateway.ingest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The optional {@code transactions} of a Shopify order, each in the shape of the REST Admin API Transaction
 * resource ({@code id, kind, status, amount, currency, gateway, authorization, parent_id, error_code, message,
 * processed_at}), as the payment's transactions and the payment status they add up to.
 * <ul>
 *   <li>{@code kind}: sale, capture → CHARGE; refund → REFUND. An authorization only reserves money: it is a
 *       CHARGE that is PENDING while open (success or pending) and FAILED when declined (failure, error), and it
 *       is left out once a successful capture has taken the money, as that capture is the charge. A void moves no
 *       money and is no transaction of its own: a successful one turns the authorization or charge it cancels
 *       into a FAILED CHARGE with reason {@value #VOIDED}; a failed or pending one changes nothing. A capture or
 *       void names what it acts on by {@code parent_id} (that transaction's {@code id}), else by the same
 *       {@code authorization}; naming nothing that matches, it acts on the latest open authorization before it
 *       (for a void also a pending sale or capture).</li>
 *   <li>{@code status}: success → SUCCEEDED; failure, error → FAILED; pending → PENDING. Kind and status are
 *       read case-insensitively; any other value is {@link ViolationCode#INVALID_VALUE}.</li>
 *   <li>{@code amount} (required, decimal, not negative) in the order's currency; {@code currency}, when sent,
 *       must be the order's ({@link ViolationCode#CURRENCY_MISMATCH}): no amount is ever converted.</li>
 *   <li>providerRef: {@code authorization}, else {@code id}; longer than {@value #MAX_PROVIDER_REF} characters
 *       is {@link ViolationCode#TOO_LONG}.</li>
 *   <li>failureReason, of failed ones only: {@code error_code} in lower case ({@code insufficient_funds},
 *       {@code card_declined}, {@code processing_error}, {@code expired_card}, ...), else {@code message}, else
 *       the status ({@code failure} or {@code error}); cut to {@value #MAX_FAILURE_REASON} characters.</li>
 *   <li>at: {@code processed_at}, else {@code created_at}, else the order's {@code processed_at}.</li>
 *   <li>The payment is PAID when a charge succeeded, else PENDING when one is pending, else FAILED (every charge
 *       failed). Refunds leave it as the charges make it. Without any charge the transactions decide nothing.</li>
 * </ul>
 * The transactions are kept as sent, in time order: two succeeded sales of the full amount stay two charges
 * (a double charge, for others to detect and refund), and nothing is checked against the order's total.
 */
final class ShopifyTransactions {

    static final String FIELD = "transactions";
    static final String VOIDED = "voided";
    static final int MAX_PROVIDER_REF = 100;
    static final int MAX_FAILURE_REASON = 200;

    private static final String AUTHORIZATION = "authorization";
    private static final String CAPTURE = "capture";
    private static final String VOID = "void";
    private static final String REFUND = "refund";
    private static final Set<String> KINDS = Set.of(AUTHORIZATION, CAPTURE, "sale", VOID, REFUND);
    private static final Map<String, String> STATUSES = Map.of(
            "success", IncomingTransaction.SUCCEEDED,
            "failure", IncomingTransaction.FAILED,
            "error", IncomingTransaction.FAILED,
            "pending", IncomingTransaction.PENDING);

    /**
     * What the transactions say of the payment.
     *
     * @param paymentStatus PAID, PENDING or FAILED; null when no charge is among them
     */
    record Outcome(String paymentStatus, List<IncomingTransaction> transactions) {
    }

    private ShopifyTransactions() {
    }

    /**
     * The order's transactions, every problem recorded on {@code order}; empty when it sends none (the field is
     * absent, null or an empty array) or they are invalid.
     *
     * @param orderCurrency the order's currency; null when that is invalid itself (then not compared)
     * @param fallbackAt    when a transaction without a time of its own happened
     */
    static Optional<Outcome> read(PayloadReader order, String orderCurrency, Instant fallbackAt,
            DateTimeFormatter time) {
        List<PayloadReader> sent = order.objects(FIELD);
        List<Entry> entries = sent.stream().map(t -> entry(t, orderCurrency, fallbackAt, time)).toList();
        if (entries.isEmpty() || order.hasViolationsAt(FIELD)) {
            return Optional.empty();
        }
        List<Entry> kept = resolve(entries.stream().sorted(Comparator.comparing((Entry e) -> e.at,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList());
        List<IncomingTransaction> transactions = kept.stream().filter(e -> !e.captured).map(Entry::toIncoming)
                .toList();
        Set<String> charges = transactions.stream().filter(t -> IncomingTransaction.CHARGE.equals(t.kind()))
                .map(IncomingTransaction::status).collect(Collectors.toSet());
        String status = charges.contains(IncomingTransaction.SUCCEEDED) ? IncomingPayment.PAID
                : charges.contains(IncomingTransaction.PENDING) ? IncomingPayment.PENDING
                : charges.contains(IncomingTransaction.FAILED) ? IncomingPayment.FAILED
                : null;
        return Optional.of(new Outcome(status, transactions));
    }

    private static Entry entry(PayloadReader t, String orderCurrency, Instant fallbackAt, DateTimeFormatter time) {
        String kind = t.code("kind", KINDS);
        String outcome = t.code("status", STATUSES.keySet());
        long amount = t.amount("amount");
        String currency = t.text("currency");
        if (currency != null && orderCurrency != null && !currency.equals(orderCurrency)) {
            t.reject("currency", ViolationCode.CURRENCY_MISMATCH, currency);
        }
        String id = t.text("id");
        String authorization = t.text("authorization");
        String providerRef = authorization != null ? authorization : id;
        if (providerRef != null && providerRef.length() > MAX_PROVIDER_REF) {
            t.reject(authorization != null ? "authorization" : "id", ViolationCode.TOO_LONG, providerRef);
        }
        Instant at = t.optionalTime("processed_at", time);
        if (at == null) {
            at = t.optionalTime("created_at", time);
        }
        String status = outcome == null ? null : STATUSES.get(outcome);
        if (AUTHORIZATION.equals(kind) && IncomingTransaction.SUCCEEDED.equals(status)) {
            status = IncomingTransaction.PENDING;
        }
        String failureReason = IncomingTransaction.FAILED.equals(status) ? failureReason(t, outcome) : null;
        return new Entry(kind, outcome, id, authorization, t.text("parent_id"), amount, at == null ? fallbackAt : at,
                status, failureReason);
    }

    private static String failureReason(PayloadReader t, String outcome) {
        String code = t.text("error_code");
        String message = t.text("message");
        String reason = code != null ? code.toLowerCase(Locale.ROOT)
                : message != null ? message.replaceAll("\\s+", " ")
                : outcome;
        return cut(reason, MAX_FAILURE_REASON);
    }

    /** The transactions that stay, in time order: captures settle authorizations, voids cancel. */
    private static List<Entry> resolve(List<Entry> inTimeOrder) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : inTimeOrder) {
            boolean succeeded = "success".equals(e.outcome);
            if (VOID.equals(e.kind)) {
                if (succeeded) {
                    target(kept, e, Entry::isVoidable, Entry::isOpen).ifPresent(Entry::voided);
                }
                continue;
            }
            if (CAPTURE.equals(e.kind) && succeeded) {
                target(kept, e, Entry::isOpenAuthorization, Entry::isOpenAuthorization)
                        .ifPresent(a -> a.captured = true);
            }
            kept.add(e);
        }
        return kept;
    }

    /**
     * What a capture or void acts on: the latest earlier entry it names by {@code parent_id}, else by
     * {@code authorization} (among {@code named}), else the latest one {@code otherwise} accepts.
     */
    private static Optional<Entry> target(List<Entry> earlier, Entry by, Predicate<Entry> named,
            Predicate<Entry> otherwise) {
        Optional<Entry> found = latest(earlier, named.and(e -> by.parentId != null && by.parentId.equals(e.id)));
        if (found.isEmpty()) {
            found = latest(earlier, named.and(e -> by.authorization != null
                    && by.authorization.equals(e.authorization)));
        }
        return found.isPresent() ? found : latest(earlier, otherwise);
    }

    private static Optional<Entry> latest(List<Entry> entries, Predicate<Entry> accepted) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (accepted.test(entries.get(i))) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** At most {@code max} UTF-16 units, never half a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** One transaction as sent, with the canonical status it has so far. */
    private static final class Entry {
        final String kind;
        /** Shopify's status: success, failure, error or pending. */
        final String outcome;
        final String id;
        final String authorization;
        final String parentId;
        final long amountMinor;
        final Instant at;
        String status;
        String failureReason;
        boolean captured;

        Entry(String kind, String outcome, String id, String authorization, String parentId, long amountMinor,
                Instant at, String status, String failureReason) {
            this.kind = kind;
            this.outcome = outcome;
            this.id = id;
            this.authorization = authorization;
            this.parentId = parentId;
            this.amountMinor = amountMinor;
            this.at = at;
            this.status = status;
            this.failureReason = failureReason;
        }

        boolean isCharge() {
            return !REFUND.equals(kind) && !VOID.equals(kind);
        }

        /** An authorization whose money is still reserved: not declined, captured or voided. */
        boolean isOpenAuthorization() {
            return AUTHORIZATION.equals(kind) && IncomingTransaction.PENDING.equals(status) && !captured;
        }

        /** What a void names: any charge or authorization that has not failed and was not captured. */
        boolean isVoidable() {
            return isCharge() && !IncomingTransaction.FAILED.equals(status) && !captured;
        }

        /** What a void naming nothing acts on: an open authorization, or a sale or capture still pending. */
        boolean isOpen() {
            return isCharge() && IncomingTransaction.PENDING.equals(status) && !captured;
        }

        void voided() {
            status = IncomingTransaction.FAILED;
            failureReason = VOIDED;
        }

        IncomingTransaction toIncoming() {
            return new IncomingTransaction(isCharge() ? IncomingTransaction.CHARGE : IncomingTransaction.REFUND,
                    status, amountMinor, authorization != null ? authorization : id, failureReason, at);
        }
    }
}
