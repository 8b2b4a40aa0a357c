package io.ordercare.dialog.dialer;

import java.util.Locale;

/**
 * What a simulated customer answers to one question, as the platform posts it: recognised speech with its
 * confidence ({@code SpeechResult}, {@code Confidence}), or keys ({@code Digits}), or nothing (silence, the
 * question timed out).
 */
public record Reply(String speech, double confidence, String digits) {

    /** Confidence of speech that is recognised well. */
    public static final double CLEAR = 0.92;
    /** Confidence of a mis-recognition. */
    public static final double GARBLED = 0.2;

    private static final String GARBLED_PLACEHOLDER = "\u0000garbled";

    public Reply {
        if (speech != null && speech.isBlank()) {
            speech = null;
        }
        if (digits != null && digits.isBlank()) {
            digits = null;
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be 0..1, was " + confidence);
        }
    }

    /** Speech recognised well. */
    public static Reply say(String text) {
        return new Reply(text, CLEAR, null);
    }

    public static Reply say(String text, double confidence) {
        return new Reply(text, confidence, null);
    }

    /**
     * A mis-recognition in the call's language: {@code 嗯啊那个} or {@code uh the thing} at confidence 0.2 (the
     * simulator puts in the language of the question, see {@link #in(String)}).
     */
    public static Reply garbled() {
        return new Reply(GARBLED_PLACEHOLDER, GARBLED, null);
    }

    /** A mis-recognition in {@code zh} or {@code en}. */
    public static Reply garbled(String lang) {
        return new Reply(nonsense(lang), GARBLED, null);
    }

    /** Keys pressed, e.g. {@code "1"}. */
    public static Reply dtmf(String digits) {
        return new Reply(null, 0, digits);
    }

    /** Nothing said, no key pressed. */
    public static Reply silence() {
        return new Reply(null, 0, null);
    }

    public boolean silent() {
        return speech == null && digits == null;
    }

    /** This reply for a question in {@code lang}: a {@link #garbled()} one gets that language's nonsense. */
    public Reply in(String lang) {
        return GARBLED_PLACEHOLDER.equals(speech) ? new Reply(nonsense(lang), confidence, digits) : this;
    }

    private static String nonsense(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? "嗯啊那个" : "uh the thing";
    }

    @Override
    public String toString() {
        if (silent()) {
            return "Reply[silence]";
        }
        return digits != null ? "Reply[digits=" + digits + "]"
                : "Reply[speech=" + (GARBLED_PLACEHOLDER.equals(speech) ? "<garbled>" : speech) + ", confidence="
                        + confidence + "]";
    }
}
