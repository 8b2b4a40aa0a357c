package io.ordercare.dialog.nlu;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The NLU: one utterance in, intent + calibrated confidence + language + entities + sentiment out.
 *
 * <p>Plain Java (no CDI) so that tests and {@link NluBench} run it without Quarkus; the service wraps it in the
 * {@link Nlu} bean. Per utterance: fold full-width characters, detect the language, extract entities with rules, embed
 * the text with that language's model only, classify [embedding ⊕ n-grams], score sentiment. Thread-safe.
 *
 * <p>{@link #load()} trains the classifiers at start from the labelled examples in {@code nlu/train.tsv}: the examples
 * are the single source of truth, so adding one is editing a text file, no training step or model artefact to
 * rebuild.
 */
public final class NluEngine {

    /** Relative dates (明天, Friday) are resolved in the shop's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final System.Logger LOG = System.getLogger(NluEngine.class.getName());

    private final Map<Lang, IntentModel> models;

    private NluEngine(Map<Lang, IntentModel> models) {
        this.models = models;
    }

    /** Loads both embedding models and trains the classifiers from {@code nlu/train.tsv}. */
    public static NluEngine load() {
        return train(Example.load(Example.TRAIN), SoftmaxClassifier.Settings.DEFAULT);
    }

    /** Trains on the given examples (tests use this for other splits or settings). */
    static NluEngine train(List<Example> examples, SoftmaxClassifier.Settings settings) {
        long started = System.nanoTime();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nlu-load-" + count.incrementAndGet());
            t.setDaemon(true);
            // the loader that has the models and the data, whichever thread created the pool (Quarkus runs the
            // application in its own class loader; libraries that look resources up through the context loader
            // then find them too)
            t.setContextClassLoader(NluEngine.class.getClassLoader());
            return t;
        });
        try {
            Map<Lang, Future<SentenceEmbedder>> embedders = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                embedders.put(lang, pool.submit(() -> SentenceEmbedder.forLang(lang)));
            }
            EmbeddingCache cache = EmbeddingCache.load();
            AtomicInteger missed = new AtomicInteger();
            LocalDate anyDay = LocalDate.of(2026, 1, 1); // entity values do not matter for training, only spans
            Map<Lang, List<Future<IntentModel.Input>>> inputs = new EnumMap<>(Lang.class);
            Map<Lang, List<String>> intents = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                inputs.put(lang, new ArrayList<>());
                intents.put(lang, new ArrayList<>());
            }
            for (Example e : examples) {
                Future<SentenceEmbedder> embedder = embedders.get(e.lang());
                FeatureBuilder features = new FeatureBuilder(e.lang());
                inputs.get(e.lang()).add(pool.submit(() -> {
                    String folded = Texts.fold(e.text());
                    List<Entity> entities = EntityExtractor.extract(folded, anyDay);
                    float[] cached = cache.get(embedder.get(), folded);
                    if (cached == null) {
                        missed.incrementAndGet();
                        return IntentModel.input(embedder.get(), features, folded, entities);
                    }
                    return IntentModel.input(cached, features, folded, entities);
                }));
                intents.get(e.lang()).add(e.intent());
            }
            Map<Lang, List<IntentModel.Input>> ready = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                List<IntentModel.Input> list = new ArrayList<>();
                for (Future<IntentModel.Input> f : inputs.get(lang)) {
                    list.add(f.get());
                }
                ready.put(lang, list);
            }
            long featured = System.nanoTime();
            Map<Lang, Future<IntentModel>> trained = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                SentenceEmbedder embedder = embedders.get(lang).get();
                trained.put(lang, pool.submit(() -> IntentModel.train(lang, embedder, ready.get(lang), intents.get(lang), settings)));
            }
            Map<Lang, IntentModel> models = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                models.put(lang, trained.get(lang).get());
            }
            long done = System.nanoTime();
            for (IntentModel m : models.values()) {
                LOG.log(System.Logger.Level.INFO, "NLU {0}: {1} examples, cross-validation accuracy {2}, temperature {3}",
                        m.lang().code(), intents.get(m.lang()).size(), String.format("%.3f", m.crossValidationAccuracy()),
                        String.format("%.2f", m.temperature()));
            }
            LOG.log(System.Logger.Level.INFO, "NLU loaded in {0} ms ({1} threads; features {2} ms, training {3} ms; "
                    + "{4} of {5} examples not in the embedding cache)", (done - started) / 1_000_000, threads,
                    (featured - started) / 1_000_000, (done - featured) / 1_000_000, missed.get(), examples.size());
            return new NluEngine(models);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("NLU load interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("NLU load failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parses with relative dates resolved against today in Asia/Shanghai. */
    public NluResult parse(String text) {
        return parse(text, LocalDate.now(ZONE));
    }

    public NluResult parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return new NluResult(Intents.UNKNOWN, 1.0, Lang.ZH.code(), List.of(), 0.0);
        }
        String folded = Texts.fold(text);
        Lang lang = Lang.detect(folded);
        List<Entity> entities = EntityExtractor.extract(folded, today);
        IntentModel.Prediction p = models.get(lang).predict(folded, entities);
        double sentiment = SentimentScorer.score(folded);
        return new NluResult(p.intent(), round(p.confidence(), 4), lang.code(), entities, round(sentiment, 3));
    }

    IntentModel model(Lang lang) {
        return models.get(lang);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
