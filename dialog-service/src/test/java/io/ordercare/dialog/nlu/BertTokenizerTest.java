package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java BERT tokenizer against ids produced by the reference implementation (Hugging Face tokenizers via DJL, as
 * langchain4j-embeddings uses it) for the same tokenizer.json: punctuation, accents, final sigma, CJK, full-width forms,
 * emoji, unknown pieces. (When it was written, the two also agreed on every sentence of the NLU data, and the
 * embeddings matched langchain4j's to cosine 1.000000.)
 */
class BertTokenizerTest {

    private static final Object[] MINILM = {
            "where's my order #1001?", new long[] { 101, 2073, 1005, 1055, 2026, 2344, 1001, 2531, 2487, 1029, 102 },
            "Café naïve résumé", new long[] { 101, 7668, 15743, 13746, 102 },
            "ΣΑΣ İstanbul", new long[] { 101, 1173, 14608, 29733, 9960, 102 },
            "I was charged $12.50 twice!!!", new long[] { 101, 1045, 2001, 5338, 1002, 2260, 1012, 2753, 3807, 999, 999, 999, 102 },
            "我的订单298765432101到哪了", new long[] { 101, 1855, 1916, 100, 100, 27240, 2581, 26187, 23777, 17465, 24096, 100, 100, 100, 102 },
            "尺码换成XL，颜色要黑色", new long[] { 101, 100, 100, 100, 1854, 28712, 1989, 100, 100, 100, 100, 100, 102 },
            "emoji 🙂 ok", new long[] { 101, 7861, 29147, 2072, 100, 7929, 102 },
            "ＪＤ：２９８７６５４３２１０１", new long[] { 101, 100, 1993, 100, 102 },
            "“quoted” — dash…", new long[] { 101, 1523, 9339, 1524, 1517, 11454, 1529, 102 } };

    private static final Object[] BGE_ZH = {
            "where's my order #1001?", new long[] { 101, 11703, 112, 161, 8422, 11156, 108, 11823, 136, 102 },
            "Café naïve résumé", new long[] { 101, 100, 100, 100, 102 },
            "ΣΑΣ İstanbul", new long[] { 101, 100, 100, 102 },
            "I was charged $12.50 twice!!!", new long[] { 101, 100, 9947, 9537, 8458, 11765, 109, 8110, 119, 8145, 13054, 106, 106, 106, 102 },
            "我的订单298765432101到哪了", new long[] { 101, 2769, 4638, 6370, 1296, 10690, 9624, 9488, 8709, 11712, 1168, 1525, 749, 102 },
            "尺码换成XL，颜色要黑色", new long[] { 101, 2223, 4772, 2940, 2768, 100, 8024, 7582, 5682, 6206, 7946, 5682, 102 },
            "emoji 🙂 ok", new long[] { 101, 13152, 8167, 9343, 100, 8270, 102 },
            "ＪＤ：２９８７６５４３２１０１", new long[] { 101, 100, 8038, 8030, 9174, 9414, 9163, 9234, 8901, 9484, 9089, 8929, 13117, 8939, 102 },
            "“quoted” — dash…", new long[] { 101, 100, 10733, 8303, 100, 100, 10005, 8613, 100, 102 } };

    @Test
    void englishModelTokenisesLikeTheReference() throws IOException {
        check("all-minilm-l6-v2-q", MINILM);
    }

    @Test
    void chineseModelTokenisesLikeTheReference() throws IOException {
        check("bge-small-zh-v1.5-q", BGE_ZH);
    }

    @Test
    void longInputIsCutAtTheTokenLimit() throws IOException {
        BertTokenizer t = load("all-minilm-l6-v2-q");
        long[] ids = t.encode("where is my order ".repeat(100), 128);
        assertThat(ids).hasSize(128);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[127]).isEqualTo(102);
    }

    @Test
    void wordsSplitOnWhitespaceAndPunctuation() {
        assertThat(BertTokenizer.words("where's my order #1001?"))
                .isEqualTo(List.of("where", "'", "s", "my", "order", "#", "1001", "?"));
    }

    private static void check(String model, Object[] cases) throws IOException {
        BertTokenizer t = load(model);
        for (int i = 0; i < cases.length; i += 2) {
            assertThat(t.encode((String) cases[i], 512)).as("%s: %s", model, cases[i]).containsExactly((long[]) cases[i + 1]);
        }
    }

    private static BertTokenizer load(String model) throws IOException {
        try (InputStream in = BertTokenizerTest.class.getClassLoader().getResourceAsStream(model + "-tokenizer.json")) {
            return BertTokenizer.fromJson(in);
        }
    }
}
