package io.ordercare.dialog.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns an utterance into the classifier's input: the sentence embedding (dense) and hashed n-grams (sparse).
 *
 * <p>Why both: the embedding generalises to wordings the data does not have ("has it left the warehouse" ≈ "has it
 * shipped"), the n-grams pin down the short, formulaic turns where a small embedding model is weak (对 / 不对, yes /
 * nope, 转人工) and keywords that decide between close intents (退货 vs 换货 vs 退款). Entities are replaced by
 * placeholders before the n-grams are taken, so "订单298765432101" and "订单#1001" give the same features.
 *
 * <p>Chinese: units are Han characters, Latin words and numbers; unigrams, bigrams and trigrams of units. English: word
 * unigrams and bigrams plus character 3-5-grams inside words (typos: "wheres", "recieve"). Both: the whole utterance as
 * one feature when it is very short. Features are hashed into {@link #BUCKETS} slots and L2-normalised, so the sparse
 * part weighs as much as the (unit-length) embedding.
 */
final class FeatureBuilder {

    static final int BUCKETS = 1 << 15;

    private final Lang lang;

    FeatureBuilder(Lang lang) {
        this.lang = lang;
    }

    /** Sparse features: sorted distinct bucket indexes and their values. */
    record Sparse(int[] index, float[] value) {
    }

    Sparse sparse(String folded, List<Entity> entities) {
        List<String> units = units(folded, entities);
        List<String> feats = new ArrayList<>();
        int n = units.size();
        if (lang == Lang.ZH) {
            addNgrams(units, 1, 3, feats);
            if (n <= 6) {
                feats.add("W:" + String.join("", units));
            }
        } else {
            addNgrams(units, 1, 2, feats);
            for (String u : units) {
                if (!u.startsWith("<") && u.length() > 2) {
                    String w = "<" + u + ">";
                    for (int k = 3; k <= 5; k++) {
                        for (int i = 0; i + k <= w.length(); i++) {
                            feats.add("C:" + w.substring(i, i + k));
                        }
                    }
                }
            }
            if (n <= 4) {
                feats.add("W:" + String.join(" ", units));
            }
        }
        int[] idx = new int[feats.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = bucket(feats.get(i));
        }
        Arrays.sort(idx);
        int distinct = 0;
        float[] counts = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            if (distinct > 0 && idx[distinct - 1] == idx[i]) {
                counts[distinct - 1] += 1;
            } else {
                idx[distinct] = idx[i];
                counts[distinct] = 1;
                distinct++;
            }
        }
        int[] index = Arrays.copyOf(idx, distinct);
        float[] value = Arrays.copyOf(counts, distinct);
        double norm = 0;
        for (float v : value) {
            norm += v * v;
        }
        float scale = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f; // unit length, like the embedding
        for (int i = 0; i < value.length; i++) {
            value[i] *= scale;
        }
        return new Sparse(index, value);
    }

    private static void addNgrams(List<String> units, int min, int max, List<String> out) {
        List<String> padded = new ArrayList<>(units.size() + 2);
        padded.add("^");
        padded.addAll(units);
        padded.add("$");
        for (int k = min; k <= max; k++) {
            for (int i = 0; i + k <= padded.size(); i++) {
                if (k == 1 && (i == 0 || i == padded.size() - 1)) {
                    continue;
                }
                out.add(k + ":" + String.join("\u0001", padded.subList(i, i + k)));
            }
        }
    }

    /** Splits the text into units, with each entity span replaced by a placeholder such as {@code <order_number>}. */
    List<String> units(String folded, List<Entity> entities) {
        List<String> units = new ArrayList<>();
        String lower = folded.toLowerCase(Locale.ROOT);
        int e = 0;
        int i = 0;
        while (i < lower.length()) {
            if (e < entities.size() && entities.get(e).start() == i) {
                units.add("<" + entities.get(e).type() + ">");
                i = entities.get(e).end();
                e++;
                continue;
            }
            if (e < entities.size() && entities.get(e).start() < i) {
                e++;
                continue;
            }
            int limit = e < entities.size() ? entities.get(e).start() : lower.length();
            char c = lower.charAt(i);
            if (Texts.isHan(c)) {
                units.add(String.valueOf(c));
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                StringBuilder w = new StringBuilder();
                while (j < limit && (Character.isLetter(lower.charAt(j)) && !Texts.isHan(lower.charAt(j))
                        || lower.charAt(j) == '\'' || lower.charAt(j) == '’')) {
                    char ch = lower.charAt(j);
                    if (ch != '\'' && ch != '’') {
                        w.append(ch);
                    }
                    j++;
                }
                units.add(w.toString());
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < limit && (Character.isDigit(lower.charAt(j)) || lower.charAt(j) == '.')) {
                    j++;
                }
                units.add("0");
                i = j;
            } else {
                if (c == '?' || c == '？' || c == '!' || c == '！') {
                    units.add(c == '？' ? "?" : c == '！' ? "!" : String.valueOf(c));
                }
                i++;
            }
        }
        return units;
    }

    /** FNV-1a over the UTF-16 chars, folded into the bucket range; stable across JVMs (String.hashCode would be too). */
    static int bucket(String feature) {
        int h = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x01000193;
        }
        return (h ^ (h >>> 15)) & (BUCKETS - 1);
    }
}
