package io.ordercare.dialog.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BERT WordPiece tokenizer (Hugging Face {@code tokenizers}' BertNormalizer + BertPreTokenizer + WordPiece +
 * [CLS]/[SEP] template) in plain Java, reading the model's {@code tokenizer.json}.
 *
 * <p>Why not the native Hugging Face tokenizer that langchain4j-embeddings uses (DJL's JNI binding): its library is
 * extracted to one fixed path and the JVM refuses to load one native library into two class loaders, which is what
 * Quarkus does on a dev-mode reload or when a test run starts the application next to plain unit tests
 * ("UnsatisfiedLinkError: ... already loaded in another classloader"). The algorithm is small and fully specified;
 * {@code BertTokenizerTest} checks it against the reference on the NLU data.
 *
 * <p>Steps, as in the reference: drop control characters and map whitespace to spaces; put spaces around CJK
 * ideographs (each becomes a word); lower-case and strip accents when the model is uncased; split on whitespace and
 * punctuation; split each word greedily into the longest vocabulary pieces (continuations prefixed with ##), a word
 * with an unknown piece becoming [UNK].
 */
final class BertTokenizer {

    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocab;
    private final boolean lowercase;
    private final boolean stripAccents;
    private final int unk;
    private final int cls;
    private final int sep;

    private BertTokenizer(Map<String, Integer> vocab, boolean lowercase, boolean stripAccents) {
        this.vocab = vocab;
        this.lowercase = lowercase;
        this.stripAccents = stripAccents;
        this.unk = id(vocab, "[UNK]");
        this.cls = id(vocab, "[CLS]");
        this.sep = id(vocab, "[SEP]");
    }

    private static int id(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("tokenizer vocabulary has no " + token);
        }
        return id;
    }

    /** Reads a Hugging Face {@code tokenizer.json} of a BERT WordPiece model. */
    static BertTokenizer fromJson(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText()) || !"##".equals(model.path("continuing_subword_prefix").asText("##"))) {
            throw new IllegalArgumentException("not a WordPiece tokenizer");
        }
        JsonNode normalizer = root.path("normalizer");
        if (!"BertNormalizer".equals(normalizer.path("type").asText())) {
            throw new IllegalArgumentException("not a BERT normalizer: " + normalizer.path("type").asText());
        }
        boolean lowercase = normalizer.path("lowercase").asBoolean(true);
        JsonNode strip = normalizer.path("strip_accents");
        boolean stripAccents = strip.isNull() || strip.isMissingNode() ? lowercase : strip.asBoolean();
        Map<String, Integer> vocab = new HashMap<>(model.path("vocab").size() * 2);
        for (Map.Entry<String, JsonNode> e : model.path("vocab").properties()) {
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        return new BertTokenizer(vocab, lowercase, stripAccents);
    }

    /** Token ids of {@code text}: [CLS], at most {@code maxTokens - 2} word pieces, [SEP]. */
    long[] encode(String text, int maxTokens) {
        List<Integer> ids = new ArrayList<>();
        for (String word : words(normalise(text))) {
            wordPieces(word, ids);
            if (ids.size() >= maxTokens - 2) {
                break;
            }
        }
        int n = Math.min(ids.size(), maxTokens - 2);
        long[] out = new long[n + 2];
        out[0] = cls;
        for (int i = 0; i < n; i++) {
            out[i + 1] = ids.get(i);
        }
        out[n + 1] = sep;
        return out;
    }

    String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xfffd || isControl(cp)) {
                return;
            }
            if (isWhitespace(cp)) {
                b.append(' ');
            } else if (isChinese(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        String s = b.toString();
        if (stripAccents) {
            StringBuilder c = new StringBuilder(s.length());
            Normalizer.normalize(s, Normalizer.Form.NFD).codePoints()
                    .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).forEach(c::appendCodePoint);
            s = c.toString();
        }
        return lowercase ? lowerCase(s) : s;
    }

    /**
     * Lower-cases code point by code point, like the reference (Rust's char::to_lowercase): String.toLowerCase would
     * apply context rules (a final Σ becomes ς) that the reference does not.
     */
    private static String lowerCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                b.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else {
                b.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            }
        });
        return b.toString();
    }

    /** Whitespace-separated words, each punctuation character a word of its own. */
    static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        normalised.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) {
                flush(current, words);
            } else if (isPunctuation(cp)) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        });
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    private void wordPieces(String word, List<Integer> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > MAX_CHARS_PER_WORD) {
            out.add(unk);
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            Integer piece = null;
            while (start < end) {
                String sub = new String(cps, start, end - start);
                piece = vocab.get(start > 0 ? "##" + sub : sub);
                if (piece != null) {
                    break;
                }
                end--;
            }
            if (piece == null) {
                while (out.size() > mark) {
                    out.remove(out.size() - 1);
                }
                out.add(unk);
                return;
            }
            out.add(piece);
            start = end;
        }
    }

    /** Unicode categories Cc, Cf, Cs, Co, Cn, except tab, newline and carriage return (which count as whitespace). */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE || t == Character.PRIVATE_USE
                || t == Character.UNASSIGNED;
    }

    /** The Unicode White_Space property (not Java's isWhitespace, which differs on no-break spaces). */
    static boolean isWhitespace(int cp) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
                || cp == 0x3000;
    }

    /** ASCII punctuation (including $ + < = > ^ ` | ~) or a Unicode punctuation category. */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
    }

    /** The CJK ideograph blocks BERT treats as one word each. */
    static boolean isChinese(int cp) {
        return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df)
                || (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b920 && cp <= 0x2ceaf)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
    }
}
