package io.ordercare.dialog.nlu;

import static io.ordercare.dialog.nlu.EntityTypes.COLOUR;
import static io.ordercare.dialog.nlu.EntityTypes.QUANTITY;
import static io.ordercare.dialog.nlu.EntityTypes.SIZE;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product attributes: size (normalised S/M/L/XL/XXL/XXXL/XS, 均码, shoe or numeric sizes as digits), colour (as said)
 * and quantity (an integer).
 *
 * <p>Single letters (S, M, L) and bare numbers are everywhere, so they count only in a size or quantity context
 * (尺码/size/码, "change it to", "instead of", a measure word such as 件/个/双 or pieces/items/pairs).
 */
final class ProductRules {

    private static final String LETTER_SIZES = "(?:[2-5]XL|XXXL|XXL|XL|XS|S|M|L)";

    private static final Pattern SIZE_KEYWORD = Pattern.compile(
            "(?i)(?:尺码|鞋码|码数|尺寸|码子|\\bsize)\\s*(?:是|为|改成|改为|换成|要|:|is|to|of)?\\s*"
                    + "(" + LETTER_SIZES + "|extra[\\s-]?large|x-?large|small|medium|large|\\d{1,2}(?:\\.5)?)(?![A-Za-z\\d])");
    private static final Pattern SIZE_WITH_MA = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(" + LETTER_SIZES + ")\\s*(?:码|号)(?!楼|室)");
    private static final Pattern SIZE_MULTI_LETTER = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])([2-5]XL|XXXL|XXL|XL|XS)(?![A-Za-z0-9])");
    private static final Pattern SIZE_SINGLE_LETTER = Pattern.compile("(?<![A-Za-z0-9'’.&])([SML])(?![A-Za-z0-9'’&])");
    private static final Pattern SINGLE_BEFORE = Pattern.compile(
            "(?i)(?:size|尺码|码数|\\ban?|\\bto|\\bfor|\\bfrom|\\bof|\\bthe|\\binto|\\bin|\\bis|\\bget|\\bwant|\\bneed|成|为|要|是|个|换|改|都)\\s*$");
    private static final Pattern SINGLE_AFTER = Pattern.compile(
            "(?i)^\\s*(?:码|号|的|size|instead|please|for\\b|before|version|one\\b|,|，|\\.|。|!|\\?|$)");
    private static final Pattern SIZE_SHOE_MA = Pattern.compile("(?<![\\d.])(\\d{2}(?:\\.5)?)\\s*码");
    private static final Pattern SIZE_SHOE_HAO = Pattern.compile(
            "(?:穿|换成|改成|改为|换|要)\\s*(\\d{2}(?:\\.5)?)\\s*号(?!楼|室|线)");
    private static final Pattern SIZE_ZH_WORD = Pattern.compile("均码|(特大|加大|大|中|小)(?:号|码)(?![楼室])");
    private static final Pattern SIZE_EN_WORD = Pattern.compile(
            "(?i)\\b(?:an?|in|the|for)\\s+(extra[\\s-]large|x-large|small|medium|large)\\b"
                    + "(?=\\s*(?:$|[,.!?]|size|instead|ones?\\b|please|for\\b|before|version|to\\b))"
                    + "|\\b(extra[\\s-]large|x-large|small|medium|large)\\s+size\\b");
    private static final Pattern SIZE_REGION = Pattern.compile("\\b(?:EU|US|UK)\\s?(\\d{1,2}(?:\\.5)?)\\b");

    private static final String ZH_HUE = "红|黑|白|蓝|绿|黄|粉|紫|灰|棕|橙|青|褐|金|银|米|卡其|咖啡|驼|杏|橘|香槟";
    private static final String ZH_SHADE = "深|浅|亮|暗|淡|粉|天|宝|湖|藏|海军|酒|玫|枣|大|烟|军|墨|草|米|奶|象牙|雾霾|玫瑰|土豪|银|橘|孔雀|宝石";
    private static final Pattern COLOUR_ZH = Pattern.compile(
            "(?:" + ZH_SHADE + ")?(?:" + ZH_HUE + ")色"
                    + "|藏青|深蓝|浅蓝|天蓝|宝蓝|酒红|玫红|军绿|墨绿|米白|卡其|粉红|深灰|浅灰|玫瑰金"
                    + "|(?<![明空坦告表苍])(?:红|黑|白|蓝|绿|黄|粉|紫|灰|棕|橙)(?=的|款)");
    private static final Pattern COLOUR_EN = Pattern.compile(
            "(?i)\\b(?:(?:light|dark|pale|bright|deep|navy|sky|royal|baby|hot|rose|olive|forest|lime|mint|dusty|off)[\\s-])?"
                    + "(?:red|black|white|blue|green|yellow|pink|purple|grey|gray|beige|khaki|brown|orange|silver|gold|navy"
                    + "|burgundy|maroon|teal|cream|ivory|charcoal|turquoise|violet|lavender|coral|magenta|nude|camel|olive)\\b"
                    + "(?!\\s+friday)");

    private static final String CN_NUM = "[一二两三四五六七八九十]{1,3}";
    private static final Pattern QTY_ZH = Pattern.compile(
            "(?<![\\d.第另每某哪那这])(\\d{1,3}|" + CN_NUM + ")\\s*(?:件|个|双|条|套|盒|瓶|包|台|只|份|箱|支|袋|本|张|把|顶|副|对|部|组|罐|桶|片|斤|公斤)"
                    + "(?!问题|事|月|星期|礼拜|小时|钟|人|朋友|地址|订单|单子|电话|号码|客服|意思|时候|工作日|码|号|分)");
    private static final Pattern QTY_ZH_KEYWORD = Pattern.compile(
            "数量\\s*(?:改成|改为|换成|是|为|要|:|减到|加到|减少到|增加到)?\\s*(\\d{1,3}|" + CN_NUM + ")(?!\\d)");
    private static final String EN_NUM = "(\\d{1,3}|" + Numbers.EN_WORDS + ")";
    private static final String NOT_UNIT = "(?!\\s*(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|dollars?|bucks|%|am\\b|pm\\b"
            + "|usd|cny|rmb|yuan|gb|tb|mb|inch|cm|mm|st\\b|nd\\b|rd\\b|th\\b|o'clock|times|stars?)|\\.\\d)";
    private static final Pattern QTY_EN_UNIT = Pattern.compile(
            "(?i)(?<![\\d.$#])\\b" + EN_NUM + "\\s+(?:more\\s+)?(?:pieces?|pcs|items?|units?|pairs?|boxes|box|bottles?|packs?|"
                    + "sets?|cans?|bags?|of\\s+them|of\\s+these|of\\s+those|of\\s+the\\s+same|more)\\b");
    private static final Pattern QTY_EN_CONTEXT = Pattern.compile(
            "(?i)\\b(?:quantity|qty)\\s+from\\s+" + EN_NUM + "\\s+to\\s+" + EN_NUM + "\\b"
                    + "|\\b(?:quantity|qty)\\s*(?:to|of|is|:|=|from)?\\s*" + EN_NUM + "\\b" + NOT_UNIT
                    + "|\\b(?:get|want|need|order|buy|make\\s+it|like|take|send\\s+me|reduce\\s+it\\s+to|increase\\s+it\\s+to"
                    + "|change\\s+it\\s+to|down\\s+to|up\\s+to|instead\\s+of|rather\\s+than|not)\\s+" + EN_NUM + "\\b" + NOT_UNIT
                    + "(?!\\s+(?:of\\s+(?:your|the|my)|thing|one\\b|that|which|who|way))"
                    + "|(?<![\\d.$#])\\b(?!one\\b)" + EN_NUM + "\\s+(?:instead\\s+of|not\\s+\\d|rather\\s+than)");

    private ProductRules() {
    }

    static void find(String text, List<Candidate> out) {
        findSizes(text, out);
        Matcher m = COLOUR_ZH.matcher(text);
        while (m.find()) {
            Candidate.add(out, COLOUR, m.group(), m.start(), m.end(), Candidate.COLOUR);
        }
        m = COLOUR_EN.matcher(text);
        while (m.find()) {
            Candidate.add(out, COLOUR, m.group().toLowerCase(Locale.ROOT), m.start(), m.end(), Candidate.COLOUR);
        }
        findQuantities(text, out);
    }

    private static void findSizes(String text, List<Candidate> out) {
        Matcher m = SIZE_KEYWORD.matcher(text);
        while (m.find()) {
            sizeFrom(out, m, 1, m.start(1), m.end(1));
        }
        m = SIZE_WITH_MA.matcher(text);
        while (m.find()) {
            sizeFrom(out, m, 1, m.start(), m.end());
        }
        m = SIZE_MULTI_LETTER.matcher(text);
        while (m.find()) {
            sizeFrom(out, m, 1, m.start(), m.end());
        }
        m = SIZE_SINGLE_LETTER.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 14), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 10));
            if (SINGLE_BEFORE.matcher(before).find() || SINGLE_AFTER.matcher(after).find()) {
                sizeFrom(out, m, 1, m.start(), m.end());
            }
        }
        m = SIZE_SHOE_MA.matcher(text);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (v >= 30 && v <= 50) {
                Candidate.add(out, SIZE, m.group(1), m.start(), m.end(), Candidate.SIZE);
            }
        }
        m = SIZE_SHOE_HAO.matcher(text);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (v >= 30 && v <= 50) {
                Candidate.add(out, SIZE, m.group(1), m.start(1), m.end(), Candidate.SIZE);
            }
        }
        m = SIZE_ZH_WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            String v = w.equals("均码") ? "均码" : switch (m.group(1)) {
                case "特大", "加大" -> "XL";
                case "大" -> "L";
                case "中" -> "M";
                default -> "S";
            };
            Candidate.add(out, SIZE, v, m.start(), m.end(), Candidate.SIZE);
        }
        m = SIZE_EN_WORD.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            sizeFrom(out, m, g, m.group(1) != null ? m.start(1) : m.start(), m.end());
        }
        m = SIZE_REGION.matcher(text);
        while (m.find()) {
            Candidate.add(out, SIZE, m.group(1), m.start(), m.end(), Candidate.SIZE);
        }
    }

    private static void sizeFrom(List<Candidate> out, Matcher m, int group, int start, int end) {
        Candidate.add(out, SIZE, normaliseSize(m.group(group)), start, end, Candidate.SIZE);
    }

    /** small → S, x-large → XL, 2XL → XXL, 3XL → XXXL, 42 → 42. */
    static String normaliseSize(String raw) {
        String s = raw.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", " ");
        return switch (s) {
            case "SMALL" -> "S";
            case "MEDIUM" -> "M";
            case "LARGE" -> "L";
            case "EXTRA LARGE", "EXTRALARGE", "X LARGE", "XLARGE" -> "XL";
            case "2XL" -> "XXL";
            case "3XL" -> "XXXL";
            default -> s;
        };
    }

    private static void findQuantities(String text, List<Candidate> out) {
        Matcher m = QTY_ZH.matcher(text);
        while (m.find()) {
            quantity(out, m.group(1), m.start(), m.end());
        }
        m = QTY_ZH_KEYWORD.matcher(text);
        while (m.find()) {
            quantity(out, m.group(1), m.start(1), m.end(1));
        }
        m = QTY_EN_UNIT.matcher(text);
        while (m.find()) {
            quantity(out, m.group(1), m.start(), m.end());
        }
        m = QTY_EN_CONTEXT.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    quantity(out, m.group(g), m.start(g), m.end(g));
                }
            }
        }
    }

    private static void quantity(List<Candidate> out, String number, int start, int end) {
        int n = Numbers.parseAny(number);
        if (n > 0 && n < 1000) {
            Candidate.add(out, QUANTITY, Integer.toString(n), start, end, Candidate.QUANTITY);
        }
    }
}
