package io.ordercare.dialog.nlu;

/**
 * One entity found in an utterance.
 *
 * @param type  one of the {@link EntityTypes} constants ({@code order_number}, {@code phone}, {@code phone_last4},
 *              {@code address}, {@code size}, {@code colour}, {@code quantity}, {@code date}, {@code amount})
 * @param value the normalised value (digits only for phones, ISO yyyy-MM-dd for dates, "12.50 CNY" for amounts ...)
 * @param start offset of the first char of the span in the text given to the parser
 * @param end   offset after the last char of the span (exclusive)
 */
public record Entity(String type, String value, int start, int end) {
}
