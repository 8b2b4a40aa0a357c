package io.ordercare.dialog.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The intent classifier of one language: its embedding model, its feature builder and its trained, calibrated
 * softmax.
 *
 * <p>Calibration: 5-fold cross-validation on the training data gives out-of-fold logits, from which the softmax
 * temperature is fitted; the final model is then trained on all the data and keeps that temperature. A prediction
 * whose best known intent is below {@link #UNKNOWN_THRESHOLD} (or whose best class is the labelled {@code unknown}
 * class) comes out {@code unknown}. The cross-validation accuracy is kept for the start-up log.
 */
final class IntentModel {

    /** Calibrated probability below which a known intent is not trusted. */
    static final double UNKNOWN_THRESHOLD = 0.5;
    static final int FOLDS = 5;

    static final List<String> LABELS = Intents.ALL;
    static final int UNKNOWN_INDEX = LABELS.indexOf(Intents.UNKNOWN);

    /** An utterance's classifier input. */
    record Input(float[] dense, FeatureBuilder.Sparse sparse) {
    }

    /** The outcome for one utterance. */
    record Prediction(String intent, double confidence, double[] probabilities) {
    }

    private final Lang lang;
    private final SentenceEmbedder embedder;
    private final FeatureBuilder features;
    private final SoftmaxClassifier classifier;
    private final double crossValidationAccuracy;

    private IntentModel(Lang lang, SentenceEmbedder embedder, SoftmaxClassifier classifier, double cvAccuracy) {
        this.lang = lang;
        this.embedder = embedder;
        this.features = new FeatureBuilder(lang);
        this.classifier = classifier;
        this.crossValidationAccuracy = cvAccuracy;
    }

    static Input input(SentenceEmbedder embedder, FeatureBuilder features, String folded, List<Entity> entities) {
        return input(embedder.embed(folded), features, folded, entities);
    }

    /** {@code embedding}: the text's embedding (computed, or from the {@link EmbeddingCache}). */
    static Input input(float[] embedding, FeatureBuilder features, String folded, List<Entity> entities) {
        return new Input(embedding, features.sparse(folded, entities));
    }

    static IntentModel train(Lang lang, SentenceEmbedder embedder, List<Input> inputs, List<String> intents,
            SoftmaxClassifier.Settings settings) {
        List<SoftmaxClassifier.Sample> samples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int label = LABELS.indexOf(intents.get(i));
            samples.add(new SoftmaxClassifier.Sample(inputs.get(i).dense(), inputs.get(i).sparse(), label));
        }
        int n = samples.size();
        int[] fold = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Collections.shuffle(Arrays.asList(order), new Random(settings.seed()));
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % FOLDS;
        }
        List<double[]> heldOutLogits = new ArrayList<>(n);
        int[] heldOutLabels = new int[n];
        int correct = 0;
        int m = 0;
        for (int f = 0; f < FOLDS; f++) {
            List<SoftmaxClassifier.Sample> trainPart = new ArrayList<>();
            List<SoftmaxClassifier.Sample> testPart = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? testPart : trainPart).add(samples.get(i));
            }
            SoftmaxClassifier c = SoftmaxClassifier.train(trainPart, LABELS.size(), embedder.dimension(), settings);
            for (SoftmaxClassifier.Sample s : testPart) {
                double[] z = new double[LABELS.size()];
                c.rawLogits(s.dense(), s.sparse(), z);
                heldOutLogits.add(z);
                heldOutLabels[m++] = s.label();
            }
        }
        double t = SoftmaxClassifier.fitTemperature(heldOutLogits, heldOutLabels);
        for (int i = 0; i < n; i++) {
            double[] p = heldOutLogits.get(i).clone();
            SoftmaxClassifier.softmax(p, t);
            if (decide(p).equals(LABELS.get(heldOutLabels[i]))) {
                correct++;
            }
        }
        SoftmaxClassifier finalModel = SoftmaxClassifier.train(samples, LABELS.size(), embedder.dimension(), settings);
        finalModel.temperature(t);
        return new IntentModel(lang, embedder, finalModel, correct / (double) n);
    }

    Prediction predict(String folded, List<Entity> entities) {
        return predict(input(embedder, features, folded, entities));
    }

    Prediction predict(Input input) {
        double[] p = classifier.probabilities(input.dense(), input.sparse());
        String intent = decide(p);
        double confidence = intent.equals(Intents.UNKNOWN) ? 1.0 - bestKnown(p) : p[LABELS.indexOf(intent)];
        return new Prediction(intent, confidence, p);
    }

    private static String decide(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        if (best == UNKNOWN_INDEX || p[best] < UNKNOWN_THRESHOLD) {
            return Intents.UNKNOWN;
        }
        return LABELS.get(best);
    }

    private static double bestKnown(double[] p) {
        double best = 0;
        for (int k = 0; k < p.length; k++) {
            if (k != UNKNOWN_INDEX) {
                best = Math.max(best, p[k]);
            }
        }
        return best;
    }

    Lang lang() {
        return lang;
    }

    SentenceEmbedder embedder() {
        return embedder;
    }

    FeatureBuilder features() {
        return features;
    }

    double temperature() {
        return classifier.temperature();
    }

    double crossValidationAccuracy() {
        return crossValidationAccuracy;
    }
}
