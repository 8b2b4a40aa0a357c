package io.ordercare.dialog.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Precomputed embeddings of the training examples ({@code nlu/embeddings.bin}), so that start-up does not spend
 * seconds embedding ~1,800 sentences it embedded identically last time.
 *
 * <p>Entries are keyed by model and a 64-bit hash of the (folded) text, and stored int8-quantised with a per-vector
 * scale (error well below 1 % of a component, irrelevant to a linear classifier). Each model's section carries the
 * fingerprint of the model file it was computed with: after a model upgrade the section is ignored, not trusted. An
 * example that is not in the cache (new, edited) is embedded at start, so the cache is an optimisation only; regenerate
 * it with {@link EmbeddingCacheTool} after editing the training data.
 */
final class EmbeddingCache {

    static final String RESOURCE = "nlu/embeddings.bin";
    private static final int MAGIC = 0x4e4c5545; // "NLUE"
    private static final int VERSION = 1;

    private final Map<String, Section> sections;

    /** The cached vectors of one model. */
    private record Section(long fingerprint, int dimension, Map<Long, float[]> vectors) {
    }

    private EmbeddingCache(Map<String, Section> sections) {
        this.sections = sections;
    }

    static EmbeddingCache empty() {
        return new EmbeddingCache(new HashMap<>());
    }

    /** The cache on the class path, or an empty one if there is none or it cannot be read. */
    static EmbeddingCache load() {
        InputStream in = EmbeddingCache.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return empty();
        }
        try (in) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            System.getLogger(EmbeddingCache.class.getName()).log(System.Logger.Level.WARNING,
                    "NLU embedding cache unreadable, embedding all examples at start: " + e);
            return empty();
        }
    }

    /** The cached embedding of {@code text} by {@code embedder}, or null. */
    float[] get(SentenceEmbedder embedder, String text) {
        Section s = sections.get(embedder.name());
        if (s == null || s.fingerprint() != embedder.fingerprint() || s.dimension() != embedder.dimension()) {
            return null;
        }
        float[] v = s.vectors().get(key(text));
        return v == null ? null : v.clone();
    }

    void put(SentenceEmbedder embedder, String text, float[] vector) {
        Section s = sections.computeIfAbsent(embedder.name(),
                n -> new Section(embedder.fingerprint(), embedder.dimension(), new HashMap<>()));
        s.vectors().put(key(text), quantise(vector));
    }

    static long key(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static EmbeddingCache read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an NLU embedding cache of version " + VERSION);
        }
        int models = in.readInt();
        Map<String, Section> sections = new HashMap<>();
        for (int m = 0; m < models; m++) {
            String name = in.readUTF();
            long fingerprint = in.readLong();
            int dim = in.readInt();
            int count = in.readInt();
            Map<Long, float[]> vectors = new HashMap<>(count * 2);
            byte[] q = new byte[dim];
            for (int i = 0; i < count; i++) {
                long key = in.readLong();
                float scale = in.readFloat();
                in.readFully(q);
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = q[j] * scale;
                }
                vectors.put(key, v);
            }
            sections.put(name, new Section(fingerprint, dim, vectors));
        }
        return new EmbeddingCache(sections);
    }

    void write(OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(sections.size());
        for (var e : new java.util.TreeMap<>(sections).entrySet()) {
            Section s = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(s.fingerprint());
            out.writeInt(s.dimension());
            out.writeInt(s.vectors().size());
            for (var v : new java.util.TreeMap<>(s.vectors()).entrySet()) {
                float[] x = v.getValue();
                float max = 0;
                for (float f : x) {
                    max = Math.max(max, Math.abs(f));
                }
                float scale = max == 0 ? 1f : max / 127f;
                out.writeLong(v.getKey());
                out.writeFloat(scale);
                for (float f : x) {
                    out.writeByte(Math.round(f / scale));
                }
            }
        }
        out.flush();
    }

    /** Rounds a vector the way storing it would, so a freshly filled cache gives what a re-read one gives. */
    private static float[] quantise(float[] x) {
        float max = 0;
        for (float f : x) {
            max = Math.max(max, Math.abs(f));
        }
        float scale = max == 0 ? 1f : max / 127f;
        float[] q = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = Math.round(x[i] / scale) * scale;
        }
        return q;
    }

    int size(String model) {
        Section s = sections.get(model);
        return s == null ? 0 : s.vectors().size();
    }
}
