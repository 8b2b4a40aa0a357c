package io.ordercare.gateway.ingest;

import java.util.List;

/**
 * How the order is paid and how far payment got.
 *
 * @param method one of {@link PaymentMethod}, by name
 * @param status {@value #PAID}, {@value #PENDING} (not paid yet, e.g. cash on delivery) or {@value #FAILED}
 */
public record IncomingPayment(String method, String status, long amountMinor, List<IncomingTransaction> transactions) {

    public static final String PAID = "PAID";
    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";

    public IncomingPayment {
        transactions = List.copyOf(transactions);
    }
}
