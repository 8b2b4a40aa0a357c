package io.ordercare.dialog.nlu;

import static io.ordercare.dialog.nlu.EntityTypes.ORDER_NUMBER;
import static io.ordercare.dialog.nlu.EntityTypes.PHONE;
import static io.ordercare.dialog.nlu.EntityTypes.PHONE_LAST4;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order numbers and phone numbers.
 *
 * <p>Both are digit runs, so context decides: a run right after an order keyword (订单号, order, #) or with a platform
 * prefix (JD:298765432101) is an order number even when it looks like a mobile number; an 11-digit run shaped like
 * a Chinese mobile number (1[3-9]xxxxxxxxx), a +country number, or a run after a phone keyword is a phone; any other
 * run of 8+ digits is an order number. Shorter runs (4-7 digits) count only with a keyword or '#', since they are
 * as likely a postal code, a price or a quantity.
 */
final class IdentifierRules {

    private static final Pattern LAST4 = Pattern.compile(
            "(?:尾号|后四位|末四位|尾数|后4位|末4位)(?:是|为|:)?\\s*(\\d{4})(?!\\d)"
                    + "|(?i:last\\s+(?:4|four)(?:\\s+digits?)?(?:\\s+of\\s+(?:my|the)\\s+(?:phone|mobile|number|phone number))?"
                    + "(?:\\s+(?:are|is|being))?\\s*:?\\s*|ending\\s+(?:in|with)\\s+)(\\d{4})(?!\\d)");

    private static final Pattern ORDER_KEYWORD = Pattern.compile(
            "(?:订单号码?|订单编号|订单|单号|(?i:order)(?:\\s*(?i:number|no\\.?|num|id|#))?)\\s*(?:是|为|:|#|(?i:is))?\\s*(\\d{4,24})(?!\\d)");

    private static final Pattern ORDER_PREFIXED = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z]{1,4}\\s?[:#-]?\\s?\\d{6,24}(?!\\d)");

    private static final Pattern ORDER_HASH = Pattern.compile("#\\s?\\d{3,24}(?!\\d)");

    private static final Pattern PHONE_KEYWORD = Pattern.compile(
            "(?:电话号码|电话|手机号码|手机号|手机|联系方式|号码|(?i:tel|phone(?:\\s+number)?|mobile(?:\\s+number)?|cell|number|"
                    + "call\\s+me\\s+at|reach\\s+me\\s+at|text\\s+me\\s+at))\\s*(?:是|为|改成|改为|:|(?i:is|at|to))?\\s*"
                    + "(\\+?\\d[\\d\\s()-]{5,18}\\d)(?!\\d)");

    private static final Pattern CN_MOBILE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d{4}){2}(?!\\d)");

    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,5}\\)?){1,5}(?!\\d)");

    private static final Pattern US_STYLE = Pattern.compile("(?<![\\d+])\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}(?!\\d)");

    private static final Pattern LANDLINE = Pattern.compile("(?<![\\d+])(?:0\\d{2,3}-\\d{7,8}|0\\d{3,4}\\s\\d{3}\\s?\\d{3,4})(?!\\d)");

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d.,])\\d{8,24}(?![\\d.,]\\d)(?!\\d)");

    private IdentifierRules() {
    }

    static void find(String text, List<Candidate> out) {
        Matcher m = LAST4.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            Candidate.add(out, PHONE_LAST4, m.group(g), m.start(), m.end(), Candidate.PHONE_LAST4);
        }
        m = ORDER_KEYWORD.matcher(text);
        while (m.find()) {
            Candidate.add(out, ORDER_NUMBER, m.group(1), m.start(1), m.end(1), Candidate.ORDER_MARKED);
        }
        m = ORDER_PREFIXED.matcher(text);
        while (m.find()) {
            Candidate.add(out, ORDER_NUMBER, m.group(), m.start(), m.end(), Candidate.ORDER_MARKED);
        }
        m = ORDER_HASH.matcher(text);
        while (m.find()) {
            Candidate.add(out, ORDER_NUMBER, m.group().replace(" ", ""), m.start(), m.end(), Candidate.ORDER_MARKED);
        }
        m = PHONE_KEYWORD.matcher(text);
        while (m.find()) {
            String digits = Texts.digitsOnly(m.group(1));
            if (digits.length() >= 7 && digits.length() <= 15) {
                int end = trimEnd(text, m.start(1), m.end(1));
                Candidate.add(out, PHONE, digits, m.start(1), end, Candidate.PHONE - 1);
            }
        }
        for (Pattern p : List.of(CN_MOBILE, INTERNATIONAL, US_STYLE, LANDLINE)) {
            m = p.matcher(text);
            while (m.find()) {
                String digits = Texts.digitsOnly(m.group());
                if (digits.length() >= 8 && digits.length() <= 15) {
                    Candidate.add(out, PHONE, digits, m.start(), trimEnd(text, m.start(), m.end()), Candidate.PHONE);
                }
            }
        }
        m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            Candidate.add(out, ORDER_NUMBER, m.group(), m.start(), m.end(), Candidate.ORDER_PLAIN);
        }
    }

    /** Drops trailing spaces, dashes or brackets a loose phone pattern may have taken. */
    private static int trimEnd(String text, int start, int end) {
        while (end > start && !Character.isDigit(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
