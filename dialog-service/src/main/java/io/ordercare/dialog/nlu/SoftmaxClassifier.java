package io.ordercare.dialog.nlu;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over [embedding ⊕ hashed n-grams], trained by SGD with L2 regularisation, plus a
 * temperature that calibrates its probabilities.
 *
 * <p>Plain Java and deterministic (a seeded shuffle, no threads): the same data gives the same model on every start.
 * With ~1,000 examples per language and a few hundred non-zero inputs each, training takes a fraction of a second.
 * Sparse weights are laid out feature-major ({@code v[feature * classes + class]}) so one example touches a few
 * contiguous rows.
 */
final class SoftmaxClassifier {

    /** One training example: its features and its class index. */
    record Sample(float[] dense, FeatureBuilder.Sparse sparse, int label) {
    }

    /** Training settings. */
    record Settings(int epochs, double learningRate, double l2, long seed) {
        static final Settings DEFAULT = new Settings(15, 0.4, 1e-5, 20261125L);
    }

    private final int classes;
    private final int dense;
    private final float[] w;
    private final float[] v;
    private final float[] b;
    private double temperature = 1.0;

    private SoftmaxClassifier(int classes, int dense, int buckets) {
        this.classes = classes;
        this.dense = dense;
        this.w = new float[classes * dense];
        this.v = new float[classes * buckets];
        this.b = new float[classes];
    }

    static SoftmaxClassifier train(List<Sample> samples, int classes, int dense, Settings s) {
        SoftmaxClassifier c = new SoftmaxClassifier(classes, dense, FeatureBuilder.BUCKETS);
        int n = samples.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(s.seed());
        double[] p = new double[classes];
        long step = 0;
        long total = (long) s.epochs() * n;
        // L2 decay shrinks every weight each step; kept as one factor (weights = scale * stored) it costs O(1)
        double scale = 1.0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i = 0; i < n; i++) {
                Sample x = samples.get(order[i]);
                // linear decay to 10 % of the initial rate: big steps first, a settled model at the end
                double lr = s.learningRate() * (1.0 - 0.9 * step / (double) total);
                step++;
                c.scaledLogits(x.dense(), x.sparse(), scale, p);
                softmax(p, 1.0);
                p[x.label()] -= 1.0; // gradient of the cross-entropy w.r.t. the logits
                scale *= 1.0 - lr * s.l2();
                float[] xd = x.dense();
                int[] idx = x.sparse().index();
                float[] val = x.sparse().value();
                for (int k = 0; k < classes; k++) {
                    c.b[k] -= (float) (lr * p[k]);
                    if (Math.abs(p[k]) < 1e-4) {
                        continue; // a class the model is already sure about: its update would be noise
                    }
                    float g = (float) (lr * p[k] / scale);
                    int row = k * c.dense;
                    for (int j = 0; j < c.dense; j++) {
                        c.w[row + j] -= g * xd[j];
                    }
                    for (int f = 0; f < idx.length; f++) {
                        c.v[idx[f] * classes + k] -= g * val[f];
                    }
                }
                if (scale < 1e-3) {
                    c.rescale(scale);
                    scale = 1.0;
                }
            }
        }
        c.rescale(scale);
        return c;
    }

    private void rescale(double scale) {
        float f = (float) scale;
        for (int i = 0; i < w.length; i++) {
            w[i] *= f;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] *= f;
        }
    }

    /** Logits before temperature scaling, into {@code out}. */
    void rawLogits(float[] x, FeatureBuilder.Sparse sparse, double[] out) {
        scaledLogits(x, sparse, 1.0, out);
    }

    private void scaledLogits(float[] x, FeatureBuilder.Sparse sparse, double scale, double[] out) {
        int[] idx = sparse.index();
        float[] val = sparse.value();
        for (int k = 0; k < classes; k++) {
            int row = k * dense;
            double z = 0;
            for (int j = 0; j < dense; j++) {
                z += w[row + j] * x[j];
            }
            for (int f = 0; f < idx.length; f++) {
                z += v[idx[f] * classes + k] * val[f];
            }
            out[k] = z * scale + b[k];
        }
    }

    /** Calibrated class probabilities. */
    double[] probabilities(float[] x, FeatureBuilder.Sparse sparse) {
        double[] p = new double[classes];
        rawLogits(x, sparse, p);
        softmax(p, temperature);
        return p;
    }

    void temperature(double t) {
        this.temperature = t;
    }

    double temperature() {
        return temperature;
    }

    static void softmax(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : z) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp((z[i] - max) / temperature);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
    }

    /**
     * The temperature T that minimises the negative log-likelihood of held-out logits (temperature scaling, Guo et al.
     * 2017): a softmax trained to near-zero training loss is over-confident, and the threshold for {@code unknown} is
     * only meaningful on calibrated probabilities. Golden-section search on log T in [0.05, 20].
     */
    static double fitTemperature(List<double[]> logits, int[] labels) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double c = lo + g * (hi - lo);
        double fa = nll(logits, labels, Math.exp(a));
        double fc = nll(logits, labels, Math.exp(c));
        for (int i = 0; i < 60; i++) {
            if (fa < fc) {
                hi = c;
                c = a;
                fc = fa;
                a = hi - g * (hi - lo);
                fa = nll(logits, labels, Math.exp(a));
            } else {
                lo = a;
                a = c;
                fa = fc;
                c = lo + g * (hi - lo);
                fc = nll(logits, labels, Math.exp(c));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double nll(List<double[]> logits, int[] labels, double t) {
        double loss = 0;
        double[] p = new double[logits.get(0).length];
        for (int i = 0; i < logits.size(); i++) {
            System.arraycopy(logits.get(i), 0, p, 0, p.length);
            softmax(p, t);
            loss -= Math.log(Math.max(p[labels[i]], 1e-12));
        }
        return loss / logits.size();
    }
}
