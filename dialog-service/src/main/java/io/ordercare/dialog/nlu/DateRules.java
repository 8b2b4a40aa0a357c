package io.ordercare.dialog.nlu;

import static io.ordercare.dialog.nlu.EntityTypes.DATE;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, resolved against "today" to ISO yyyy-MM-dd.
 *
 * <p>Resolution rules (documented because customers are vague):
 * <ul>
 * <li>a bare weekday (周五, Friday, by Friday) is the next such day, today included;</li>
 * <li>这周五 / this Friday: that day of the current Monday-based week, even if passed;
 * 下周一 / next Monday: that day of next week; 上周五 / last Friday: of last week; 下下周: the week after next;</li>
 * <li>a month and day without a year (12月3日, Dec 3) is the one of that date nearest to today (within half a year);</li>
 * <li>a bare day of month (3号, the 15th) is this month's, or next month's if it has passed.</li>
 * </ul>
 */
final class DateRules {

    private static final String CN = "[" + Numbers.ZH_DIGITS + "]{1,3}";
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur";

    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})\\s?[-/.年]\\s?(\\d{1,2})\\s?[-/.月]\\s?(\\d{1,2})(?:日|号)?(?!\\d)");
    private static final Pattern ZH_MONTH_DAY = Pattern.compile(
            "(?<![\\d年])(\\d{1,2}|" + CN + ")月(?:份)?(\\d{1,2}|" + CN + ")(?:日|号)?(?!\\d)");
    private static final Pattern ZH_RELATIVE = Pattern.compile("大后天|大前天|今天|今日|今晚|明天|明日|明晚|后天|昨天|昨日|前天");
    private static final Pattern ZH_WEEKDAY = Pattern.compile(
            "(下下|下|这|本|上)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])");
    private static final Pattern ZH_DAY = Pattern.compile(
            "(?<![\\dA-Za-z#\\-路街道巷弄楼栋幢室元座区村号层第])(\\d{1,2})(?:号|日)(?=前|之前|以前|左右|那天|当天|上午|下午|晚上|中午|早上|能|可以|送|到|发|下单|之内|以内|$|[，。,.!?？！\\s])");
    private static final Pattern ZH_DAYS_LATER = Pattern.compile("(\\d{1,2}|" + CN + ")天(?:后|之后|以后)");
    private static final Pattern ZH_FESTIVAL = Pattern.compile("双十一|双11|双十二|双12|圣诞节?|元旦");

    private static final Pattern EN_RELATIVE = Pattern.compile(
            "(?i)\\b(?:the\\s+)?day\\s+after\\s+tomorrow\\b|\\b(?:the\\s+)?day\\s+before\\s+yesterday\\b|\\btoday\\b|\\btonight\\b|"
                    + "\\btomorrow\\b|\\btmr\\b|\\btmrw\\b|\\byesterday\\b");
    private static final Pattern EN_WEEKDAY = Pattern.compile(
            "(?i)(?<!black\\s)\\b(?:(next|this|last|coming)\\s+)?(" + WEEKDAYS + ")\\b");
    private static final Pattern EN_MONTH_DAY = Pattern.compile(
            "(?i)\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern EN_DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\b\\.?(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern EN_ORDINAL_DAY = Pattern.compile("(?i)\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b");
    private static final Pattern EN_IN_DAYS = Pattern.compile("(?i)\\bin\\s+(\\d{1,2}|" + Numbers.EN_WORDS + ")\\s+days?\\b");
    private static final Pattern EN_FESTIVAL = Pattern.compile("(?i)\\bchristmas(?:\\s+day)?\\b|\\bnew\\s+year'?s\\s+day\\b");

    private DateRules() {
    }

    static void find(String text, LocalDate today, List<Candidate> out) {
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(out, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), m);
        }
        m = ZH_MONTH_DAY.matcher(text);
        while (m.find()) {
            add(out, nearest(today, Numbers.parseAny(m.group(1)), Numbers.parseAny(m.group(2))), m);
        }
        m = ZH_RELATIVE.matcher(text);
        while (m.find()) {
            int days = switch (m.group()) {
                case "大后天" -> 3;
                case "大前天" -> -3;
                case "明天", "明日", "明晚" -> 1;
                case "后天" -> 2;
                case "昨天", "昨日" -> -1;
                case "前天" -> -2;
                default -> 0;
            };
            add(out, today.plusDays(days), m);
        }
        m = ZH_WEEKDAY.matcher(text);
        while (m.find()) {
            DayOfWeek dow = zhWeekday(m.group(2).charAt(0));
            add(out, weekday(today, dow, zhWeekShift(m.group(1))), m);
        }
        m = ZH_DAY.matcher(text);
        while (m.find()) {
            add(out, dayOfMonth(today, Integer.parseInt(m.group(1))), m);
        }
        m = ZH_DAYS_LATER.matcher(text);
        while (m.find()) {
            int n = Numbers.parseAny(m.group(1));
            if (n > 0 && n <= 60) {
                add(out, today.plusDays(n), m);
            }
        }
        m = ZH_FESTIVAL.matcher(text);
        while (m.find()) {
            String f = m.group();
            int month = f.startsWith("双十一") || f.equals("双11") ? 11 : f.startsWith("元旦") ? 1 : 12;
            int day = month == 11 ? 11 : month == 1 ? 1 : f.startsWith("圣诞") ? 25 : 12;
            add(out, nearest(today, month, day), m);
        }
        m = EN_RELATIVE.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            int days = w.contains("after tomorrow") ? 2 : w.contains("before yesterday") ? -2
                    : w.startsWith("tom") || w.startsWith("tmr") ? 1 : w.equals("yesterday") ? -1 : 0;
            add(out, today.plusDays(days), m);
        }
        m = EN_WEEKDAY.matcher(text);
        while (m.find()) {
            DayOfWeek dow = enWeekday(m.group(2).toLowerCase(Locale.ROOT));
            String q = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
            Integer shift = q == null || q.equals("coming") ? null : q.equals("next") ? 1 : q.equals("last") ? -1 : 0;
            add(out, weekday(today, dow, shift), m);
        }
        m = EN_MONTH_DAY.matcher(text);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("may") && Character.isLowerCase(m.group(1).charAt(0))
                    && m.group(3) == null) {
                continue; // "I may 2 ..." is a verb; "May 2" is a date
            }
            int month = month(m.group(1));
            int day = Integer.parseInt(m.group(2));
            add(out, m.group(3) != null ? date(Integer.parseInt(m.group(3)), month, day) : nearest(today, month, day), m);
        }
        m = EN_DAY_MONTH.matcher(text);
        while (m.find()) {
            int month = month(m.group(2));
            int day = Integer.parseInt(m.group(1));
            add(out, m.group(3) != null ? date(Integer.parseInt(m.group(3)), month, day) : nearest(today, month, day), m);
        }
        m = EN_ORDINAL_DAY.matcher(text);
        while (m.find()) {
            add(out, dayOfMonth(today, Integer.parseInt(m.group(1))), m);
        }
        m = EN_IN_DAYS.matcher(text);
        while (m.find()) {
            int n = Numbers.parseAny(m.group(1));
            if (n > 0 && n <= 60) {
                add(out, today.plusDays(n), m);
            }
        }
        m = EN_FESTIVAL.matcher(text);
        while (m.find()) {
            boolean christmas = m.group().toLowerCase(Locale.ROOT).startsWith("christmas");
            add(out, nearest(today, christmas ? 12 : 1, christmas ? 25 : 1), m);
        }
    }

    private static void add(List<Candidate> out, LocalDate date, Matcher m) {
        if (date != null) {
            Candidate.add(out, DATE, date.toString(), m.start(), m.end(), Candidate.DATE);
        }
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The month/day nearest to today: 12月3日 said on 5 December is this year's, said in February last year's. */
    static LocalDate nearest(LocalDate today, int month, int day) {
        LocalDate d = date(today.getYear(), month, day);
        if (d == null) {
            return month == 2 && day == 29 ? date(today.getYear() + 1, 2, 29) : null;
        }
        if (d.isBefore(today.minusDays(183))) {
            return date(today.getYear() + 1, month, day);
        }
        if (d.isAfter(today.plusDays(183))) {
            return date(today.getYear() - 1, month, day);
        }
        return d;
    }

    private static LocalDate dayOfMonth(LocalDate today, int day) {
        if (day < 1 || day > 31) {
            return null;
        }
        LocalDate d = date(today.getYear(), today.getMonthValue(), day);
        if (d == null || d.isBefore(today)) {
            LocalDate next = today.plusMonths(1);
            d = date(next.getYear(), next.getMonthValue(), day);
        }
        return d;
    }

    /** shift null: next occurrence (today included); else that day of the week {@code shift} weeks from this one. */
    static LocalDate weekday(LocalDate today, DayOfWeek dow, Integer shift) {
        if (shift == null) {
            return today.with(TemporalAdjusters.nextOrSame(dow));
        }
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift).plusDays(dow.ordinal());
    }

    private static Integer zhWeekShift(String prefix) {
        if (prefix == null) {
            return null;
        }
        return switch (prefix) {
            case "下下" -> 2;
            case "下" -> 1;
            case "上" -> -1;
            default -> 0;
        };
    }

    private static DayOfWeek zhWeekday(char c) {
        return switch (c) {
            case '一', '1' -> DayOfWeek.MONDAY;
            case '二', '2' -> DayOfWeek.TUESDAY;
            case '三', '3' -> DayOfWeek.WEDNESDAY;
            case '四', '4' -> DayOfWeek.THURSDAY;
            case '五', '5' -> DayOfWeek.FRIDAY;
            case '六', '6' -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static DayOfWeek enWeekday(String w) {
        return switch (w.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static int month(String name) {
        return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
