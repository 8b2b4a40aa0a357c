package io.ordercare.dialog.nlu;

import static io.ordercare.dialog.nlu.EntityTypes.AMOUNT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money amounts, normalised to "12.50 CNY": ¥12.5, 12.5元, 12块5, 十二块五, 5毛, $12.50, 12.50 dollars, USD 12.50,
 * £12, €12.
 */
final class AmountRules {

    private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?";
    private static final String CN = "[" + Numbers.ZH_DIGITS + "]{1,6}";

    private static final Pattern SYMBOL_FIRST = Pattern.compile(
            "(US\\$|HK\\$|C\\$|A\\$|\\$|¥|￥|£|€|(?i:rmb|cny|usd|gbp|eur|hkd)\\s?)\\s?(" + NUM + ")(?![\\d.])");
    private static final Pattern NUMBER_FIRST = Pattern.compile(
            "(?<![\\d.])(" + NUM + ")\\s?(元|块钱|块(?!\\d)|人民币|(?i:rmb|cny|yuan|usd|dollars?|bucks|gbp|pounds?|eur|euros?|hkd)(?![a-zA-Z]))");
    /** 12块5, 12块5毛 */
    private static final Pattern KUAI_MAO = Pattern.compile("(?<![\\d.])(\\d+)\\s?块(\\d)毛?(?!\\d)");
    /** 十二块五, 两百块, 五十元, 三块五毛 */
    private static final Pattern CHINESE = Pattern.compile("(" + CN + ")(?:块钱|块|元)(?:([一二两三四五六七八九])毛?)?");
    private static final Pattern MAO = Pattern.compile("(?<![\\d.块元])(\\d|[一二两三四五六七八九])毛钱?");

    private AmountRules() {
    }

    static void find(String text, List<Candidate> out) {
        Matcher m = SYMBOL_FIRST.matcher(text);
        while (m.find()) {
            add(out, m.group(2), currency(m.group(1)), m.start(), m.end());
        }
        m = NUMBER_FIRST.matcher(text);
        while (m.find()) {
            add(out, m.group(1), currency(m.group(2)), m.start(), m.end());
        }
        m = KUAI_MAO.matcher(text);
        while (m.find()) {
            add(out, m.group(1) + "." + m.group(2), "CNY", m.start(), m.end());
        }
        m = CHINESE.matcher(text);
        while (m.find()) {
            int yuan = Numbers.parseZh(m.group(1));
            if (yuan <= 0 && m.group(2) == null) {
                continue;
            }
            int jiao = m.group(2) == null ? 0 : Numbers.zhDigit(m.group(2).charAt(0));
            add(out, Math.max(yuan, 0) + "." + jiao, "CNY", m.start(), m.end());
        }
        m = MAO.matcher(text);
        while (m.find()) {
            String d = m.group(1);
            int jiao = Character.isDigit(d.charAt(0)) ? d.charAt(0) - '0' : Numbers.zhDigit(d.charAt(0));
            add(out, "0." + jiao, "CNY", m.start(), m.end());
        }
    }

    private static void add(List<Candidate> out, String number, String currency, int start, int end) {
        BigDecimal v = new BigDecimal(number.replace(",", "")).setScale(2, RoundingMode.HALF_UP);
        Candidate.add(out, AMOUNT, v.toPlainString() + " " + currency, start, end, Candidate.AMOUNT);
    }

    private static String currency(String unit) {
        String u = unit.trim().toLowerCase();
        return switch (u) {
            case "$", "us$", "usd", "dollar", "dollars", "bucks" -> "USD";
            case "hk$", "hkd" -> "HKD";
            case "c$" -> "CAD";
            case "a$" -> "AUD";
            case "£", "gbp", "pound", "pounds" -> "GBP";
            case "€", "eur", "euro", "euros" -> "EUR";
            default -> "CNY";
        };
    }
}
