package io.ordercare.dialog.dialer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers as they may appear in logs and error messages: only the last four digits. */
public final class PhoneMask {

    // a run of at least 7 digits, optionally with +, spaces, dots, dashes or brackets between them
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[\\s().-]*\\d){6,}");

    private PhoneMask() {
    }

    /** {@code +8613812345678} → {@code ***5678}; {@code ***} for anything shorter than five digits. */
    public static String last4(String number) {
        if (number == null) {
            return "***";
        }
        String digits = number.replaceAll("\\D", "");
        return digits.length() <= 4 ? "***" : "***" + digits.substring(digits.length() - 4);
    }

    /** The text with every phone-number-like run of digits masked (e.g. a provider's error message). */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(last4(m.group())));
        }
        return m.appendTail(b).toString();
    }
}
