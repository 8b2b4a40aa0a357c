package io.ordercare.dialog.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon sentiment, -1 (angry) .. 1 (happy). Its job is narrow: notice angry customers so the conversation engine can
 * hand them to a human early; it is not a general sentiment model.
 *
 * <p>Chinese terms are matched longest first without overlaps (不满意 counts once, as negative, not as 满意); English
 * terms are whole words or phrases, and a positive word after not/never/no/n't within three words turns negative
 * (not happy, not good). Runs of !!! / ！！！ and shouting in capitals add anger. The summed score s
 * is squashed with tanh(s / 2): one strong word ≈ -0.76, one mild word ≈ -0.46.
 */
final class SentimentScorer {

    private static final Map<String, Double> ZH = Map.ofEntries(
            // strong negative
            Map.entry("垃圾", -2.0), Map.entry("骗子", -2.0), Map.entry("投诉", -1.5), Map.entry("气死", -2.0),
            Map.entry("恶心", -2.0), Map.entry("离谱", -2.0), Map.entry("太差", -2.0), Map.entry("最差", -2.0),
            Map.entry("坑人", -2.0), Map.entry("欺诈", -2.0), Map.entry("欺骗", -2.0), Map.entry("曝光", -2.0),
            Map.entry("受够", -2.0), Map.entry("破玩意", -2.0), Map.entry("混蛋", -2.5), Map.entry("他妈", -2.5),
            Map.entry("妈的", -2.5), Map.entry("傻逼", -3.0), Map.entry("差评", -2.0), Map.entry("消协", -2.0),
            Map.entry("愤怒", -2.0), Map.entry("恶劣", -2.0), Map.entry("不负责任", -2.0), Map.entry("敷衍", -1.5),
            Map.entry("假货", -1.5), Map.entry("次品", -1.5), Map.entry("太烂", -2.0), Map.entry("烂透", -2.0),
            Map.entry("太过分", -2.0), Map.entry("坑惨", -2.0), Map.entry("再也不", -1.5), Map.entry("什么态度", -2.0),
            Map.entry("破服务", -2.0), Map.entry("骂人", -1.5), Map.entry("摆设", -1.5), Map.entry("不厚道", -1.5),
            // mild negative
            Map.entry("差劲", -1.5), Map.entry("差", -1.0), Map.entry("失望", -1.5), Map.entry("不满", -1.5),
            Map.entry("不满意", -1.5), Map.entry("生气", -1.5), Map.entry("着急", -0.5), Map.entry("烦", -1.0),
            Map.entry("坏了", -0.5), Map.entry("太慢", -1.0), Map.entry("慢", -0.5), Map.entry("难用", -1.0),
            Map.entry("不好", -1.0), Map.entry("糟糕", -1.5), Map.entry("郁闷", -1.0), Map.entry("无语", -1.0),
            Map.entry("过分", -1.5), Map.entry("坑", -1.0), Map.entry("丢了", -0.5), Map.entry("骂", -1.0),
            Map.entry("烂", -1.5), Map.entry("怎么还", -0.5), Map.entry("到底", -0.5), Map.entry("急死", -1.5),
            // positive
            Map.entry("谢谢", 1.0), Map.entry("谢啦", 1.0), Map.entry("谢了", 1.0), Map.entry("感谢", 1.0), Map.entry("多谢", 1.0), Map.entry("好评", 1.5),
            Map.entry("满意", 1.0), Map.entry("很棒", 1.5), Map.entry("棒", 1.0), Map.entry("赞", 1.0),
            Map.entry("不错", 1.0), Map.entry("很好", 1.0), Map.entry("太好了", 1.5), Map.entry("开心", 1.0),
            Map.entry("喜欢", 0.5), Map.entry("辛苦", 0.5), Map.entry("给力", 1.5), Map.entry("完美", 1.5),
            Map.entry("厉害", 1.0), Map.entry("哈哈", 0.5), Map.entry("感恩", 1.0), Map.entry("感激", 1.0),
            Map.entry("好的", 0.2), Map.entry("可以", 0.1), Map.entry("您好", 0.3), Map.entry("你好", 0.3));

    private static final Map<String, Double> EN = Map.ofEntries(
            Map.entry("terrible", -2.0), Map.entry("horrible", -2.0), Map.entry("awful", -2.0),
            Map.entry("ridiculous", -2.0), Map.entry("worst", -2.0), Map.entry("scam", -2.0), Map.entry("fraud", -2.0),
            Map.entry("disgusting", -2.0), Map.entry("pathetic", -2.0), Map.entry("useless", -2.0),
            Map.entry("unacceptable", -2.0), Map.entry("furious", -2.5), Map.entry("outrageous", -2.0),
            Map.entry("rubbish", -2.0), Map.entry("garbage", -2.0), Map.entry("trash", -1.5), Map.entry("joke", -1.0),
            Map.entry("liar", -2.0), Map.entry("liars", -2.0), Map.entry("lied", -2.0), Map.entry("hate", -2.0),
            Map.entry("angry", -2.0), Map.entry("sick of", -2.0), Map.entry("fed up", -2.0), Map.entry("damn", -1.5),
            Map.entry("wtf", -2.5), Map.entry("shit", -2.5), Map.entry("crap", -2.0), Map.entry("disgrace", -2.0),
            Map.entry("shame on", -2.0), Map.entry("never again", -1.5), Map.entry("sue", -2.0),
            Map.entry("lawyer", -1.5), Map.entry("bad", -1.0), Map.entry("poor", -1.0), Map.entry("slow", -0.5),
            Map.entry("disappointed", -1.5), Map.entry("disappointing", -1.5), Map.entry("annoyed", -1.5),
            Map.entry("annoying", -1.5), Map.entry("frustrated", -1.5), Map.entry("frustrating", -1.5),
            Map.entry("upset", -1.5), Map.entry("unhappy", -1.5), Map.entry("rude", -1.5), Map.entry("broken", -0.5),
            Map.entry("damaged", -0.5), Map.entry("complain", -1.0), Map.entry("complaint", -1.0),
            Map.entry("mess", -1.0), Map.entry("messed", -1.0), Map.entry("ignored", -1.0), Map.entry("ignoring", -1.0),
            Map.entry("dissatisfied", -1.5), Map.entry("wasting", -1.0), Map.entry("nightmare", -2.0),
            Map.entry("disaster", -2.0), Map.entry("junk", -1.5), Map.entry("lousy", -1.5), Map.entry("worse", -1.5),
            Map.entry("suck", -2.0), Map.entry("sucks", -2.0), Map.entry("unbelievable", -1.0),
            Map.entry("thanks", 1.0), Map.entry("thank", 1.0), Map.entry("thx", 1.0), Map.entry("great", 1.0),
            Map.entry("good", 0.5), Map.entry("excellent", 1.5), Map.entry("awesome", 1.5), Map.entry("perfect", 1.0),
            Map.entry("love", 1.5), Map.entry("happy", 1.0), Map.entry("amazing", 1.5), Map.entry("appreciate", 1.0),
            Map.entry("appreciated", 1.0), Map.entry("helpful", 1.0), Map.entry("nice", 1.0),
            Map.entry("wonderful", 1.5), Map.entry("fantastic", 1.5), Map.entry("brilliant", 1.5),
            Map.entry("cheers", 0.5), Map.entry("lovely", 1.0), Map.entry("glad", 1.0), Map.entry("pleased", 1.0),
            Map.entry("satisfied", 1.0));

    private static final List<String> ZH_TERMS = ZH.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");
    private static final Pattern BANGS = Pattern.compile("[!！]{3,}|[?？]{3,}");
    private static final Pattern SHOUT = Pattern.compile("\\b[A-Z]{4,}\\b");

    private SentimentScorer() {
    }

    static double score(String text) {
        double s = scoreZh(text) + scoreEn(text);
        Matcher b = BANGS.matcher(text);
        while (b.find()) {
            s -= b.group().charAt(0) == '!' || b.group().charAt(0) == '！' ? 1.0 : 0.5;
        }
        Matcher shout = SHOUT.matcher(text);
        int shouted = 0;
        while (shout.find()) {
            shouted++;
        }
        if (shouted >= 2) {
            s -= 1.0;
        }
        return Math.max(-1.0, Math.min(1.0, Math.tanh(s / 2.0)));
    }

    private static double scoreZh(String text) {
        double s = 0;
        int i = 0;
        outer:
        while (i < text.length()) {
            if (!Texts.isHan(text.charAt(i))) {
                i++;
                continue;
            }
            for (String term : ZH_TERMS) {
                if (text.startsWith(term, i)) {
                    s += ZH.get(term);
                    i += term.length();
                    continue outer;
                }
            }
            i++;
        }
        return s;
    }

    private static double scoreEn(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        double s = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            Double v = null;
            if (i + 1 < words.size()) {
                v = EN.get(w + " " + words.get(i + 1));
                if (v != null) {
                    i++;
                }
            }
            if (v == null) {
                v = EN.get(w);
            }
            if (v == null) {
                continue;
            }
            if (v > 0 && !w.startsWith("thank") && negated(words, i)) {
                v = -0.8 * v; // "not happy", "not good at all"; "no thanks" stays polite
            }
            s += v;
        }
        return s;
    }

    private static boolean negated(List<String> words, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            String w = words.get(k);
            if (w.equals("not") || w.equals("never") || w.equals("no") || w.endsWith("n't") || w.equals("hardly")) {
                return true;
            }
        }
        return false;
    }
}
