package io.ordercare.dialog.nlu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Regenerates {@code nlu/embeddings.bin} from {@code nlu/train.tsv} of the source tree. Run it after editing the
 * training data (the engine works without it, it only starts slower, and EmbeddingCacheTest reports the stale cache):
 *
 * <pre>
 * mvn -B -o -f dialog-service/pom.xml -DskipTests package
 * java -cp 'dialog-service/target/quarkus-app/app/*:dialog-service/target/quarkus-app/lib/main/*' \
 *     io.ordercare.dialog.nlu.EmbeddingCacheTool [dialog-service/src/main/resources/nlu]
 * </pre>
 */
public final class EmbeddingCacheTool {

    private EmbeddingCacheTool() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "dialog-service/src/main/resources/nlu");
        Path target = dir.resolve("embeddings.bin");
        List<Example> examples = Example.load(dir.resolve("train.tsv"));
        Map<Lang, SentenceEmbedder> embedders = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            embedders.put(l, SentenceEmbedder.forLang(l));
        }
        EmbeddingCache cache = EmbeddingCache.empty();
        examples.parallelStream().forEach(e -> {
            SentenceEmbedder m = embedders.get(e.lang());
            String folded = Texts.fold(e.text());
            float[] v = m.embed(folded);
            synchronized (cache) {
                cache.put(m, folded, v);
            }
        });
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            cache.write(out);
        }
        System.out.printf("wrote %s: %d examples (%s)%n", target, examples.size(),
                embedders.values().stream().map(m -> m.name() + " " + cache.size(m.name())).toList());
    }
}
