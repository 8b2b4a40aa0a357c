package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    @Test
    void cacheCoversTheTrainingDataAndMatchesTheModels() {
        EmbeddingCache cache = EmbeddingCache.load();
        List<Example> train = Example.load(Example.TRAIN);
        for (Lang lang : Lang.values()) {
            SentenceEmbedder embedder = TestEngine.get().model(lang).embedder();
            List<Example> mine = train.stream().filter(e -> e.lang() == lang).toList();
            long missing = mine.stream().filter(e -> cache.get(embedder, Texts.fold(e.text())) == null).count();
            assertThat(missing).as("%s training examples missing from %s; regenerate it with EmbeddingCacheTool "
                    + "(see its Javadoc)", lang, EmbeddingCache.RESOURCE).isZero();
            for (Example e : mine.subList(0, 5)) {
                String folded = Texts.fold(e.text());
                assertThat(cosine(cache.get(embedder, folded), embedder.embed(folded))).isGreaterThan(0.999);
            }
        }
    }

    @Test
    void writeThenReadGivesTheSameVectors() throws IOException {
        SentenceEmbedder embedder = TestEngine.get().model(Lang.EN).embedder();
        EmbeddingCache cache = EmbeddingCache.empty();
        float[] v = embedder.embed("where is my order");
        cache.put(embedder, "where is my order", v);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cache.write(out);
        EmbeddingCache read = EmbeddingCache.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.get(embedder, "where is my order")).containsExactly(cache.get(embedder, "where is my order"));
        assertThat(read.get(embedder, "something else")).isNull();
        assertThat(cosine(read.get(embedder, "where is my order"), v)).isGreaterThan(0.999);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
