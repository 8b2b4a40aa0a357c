package io.ordercare.dialog.nlu;

import java.util.Map;

/** Parses the small numbers customers write in words: Chinese numerals (三, 两, 十二, 二十五, 两百) and English words. */
final class Numbers {

    /** Characters that may make up a Chinese numeral, for regular expressions. */
    static final String ZH_DIGITS = "零〇一二两三四五六七八九十百千";

    private static final Map<String, Integer> EN = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a couple of", 2), Map.entry("a dozen", 12),
            Map.entry("a pair of", 1), Map.entry("single", 1), Map.entry("a single", 1));

    /** English number words, longest first, as a regex alternation. */
    static final String EN_WORDS = "a couple of|a dozen|eleven|twelve|three|seven|eight|one|two|four|five|six|nine|ten";

    private Numbers() {
    }

    static int zhDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** Value of a Chinese numeral below 10000 (十二 → 12, 二十五 → 25, 一百零八 → 108, 两千 → 2000), or -1. */
    static int parseZh(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        int total = 0;
        int current = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = zhDigit(c);
            if (d >= 0) {
                current = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            total += (current < 0 ? 1 : current) * unit;
            current = -1;
        }
        if (current > 0) {
            total += current;
        }
        return total;
    }

    /** Arabic digits or a Chinese numeral or an English number word; -1 if it is none. */
    static int parseAny(String s) {
        String t = s.trim().toLowerCase();
        if (t.isEmpty()) {
            return -1;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() > 6 ? -1 : Integer.parseInt(t);
        }
        Integer en = EN.get(t.replaceAll("\\s+", " "));
        if (en != null) {
            return en;
        }
        return parseZh(t);
    }
}
