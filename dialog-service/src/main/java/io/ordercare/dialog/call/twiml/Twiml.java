package io.ordercare.dialog.call.twiml;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds one TwiML document, the answer to a voice webhook: {@code <?xml ...?><Response>verbs</Response>}.
 * Verbs are written in call order; text and attribute values are XML-escaped (and characters XML cannot carry
 * are dropped). Nothing may follow {@link #hangup()} or {@link #redirect(String)}: the platform would never
 * reach it, so writing it is a bug in the script.
 *
 * <pre>{@code
 * String xml = Twiml.response(voices)
 *         .gather(actionUrl, "zh", List.of("您好，这里是订单关怀。", "请问是王先生吗？"), 5)
 *         .xml();
 * }</pre>
 *
 * Not thread-safe; one instance per response.
 */
public final class Twiml {

    public static final String CONTENT_TYPE = "application/xml";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final TwimlVoices voices;
    private final StringBuilder verbs = new StringBuilder(256);
    private boolean ended;

    private Twiml(TwimlVoices voices) {
        this.voices = Objects.requireNonNull(voices, "voices");
    }

    /** A response with the default voices ({@link TwimlVoices#DEFAULT}). */
    public static Twiml response() {
        return new Twiml(TwimlVoices.DEFAULT);
    }

    /** A response speaking with the configured voices. */
    public static Twiml response(TwimlVoices voices) {
        return new Twiml(voices);
    }

    /**
     * Asks a question and waits for speech or one key: each sentence is a {@code <Say>} inside the
     * {@code <Gather>} (the customer may answer while it is spoken). The platform posts the answer to
     * {@code actionUrl}, and posts there with neither SpeechResult nor Digits when the customer says nothing
     * ({@code actionOnEmptyResult="true"}), so the script always gets the turn back.
     *
     * @param lang           {@code zh} or {@code en}
     * @param timeoutSeconds seconds of silence (after the prompt) before the platform gives up, 1 to 60
     */
    public Twiml gather(String actionUrl, String lang, List<String> sentences, int timeoutSeconds) {
        requireOpen();
        requireText(actionUrl, "actionUrl");
        Objects.requireNonNull(sentences, "sentences");
        if (timeoutSeconds < 1 || timeoutSeconds > 60) {
            throw new IllegalArgumentException("timeoutSeconds must be 1..60, was " + timeoutSeconds);
        }
        String language = language(lang);
        verbs.append("<Gather input=\"speech dtmf\" action=\"").append(escape(actionUrl))
                .append("\" method=\"POST\" language=\"").append(language)
                .append("\" speechTimeout=\"auto\" timeout=\"").append(timeoutSeconds)
                .append("\" numDigits=\"1\" actionOnEmptyResult=\"true\">");
        for (String sentence : sentences) {
            appendSay(language, voices.voice(lang), sentence);
        }
        verbs.append("</Gather>");
        return this;
    }

    /** Speaks one text in {@code zh} or {@code en}. */
    public Twiml say(String lang, String text) {
        requireOpen();
        appendSay(language(lang), voices.voice(lang), text);
        return this;
    }

    /** Silence of {@code seconds} (at least 1). */
    public Twiml pause(int seconds) {
        requireOpen();
        if (seconds < 1) {
            throw new IllegalArgumentException("a pause lasts at least 1 second, was " + seconds);
        }
        verbs.append("<Pause length=\"").append(seconds).append("\"/>");
        return this;
    }

    /**
     * Transfers the call to {@code number} (E.164); {@code callerId} is the number the other side sees, the
     * call's own when null.
     */
    public Twiml dial(String number, String callerId) {
        requireOpen();
        requireText(number, "number");
        verbs.append("<Dial");
        if (callerId != null && !callerId.isBlank()) {
            verbs.append(" callerId=\"").append(escape(callerId.strip())).append('"');
        }
        verbs.append('>').append(escape(number.strip())).append("</Dial>");
        return this;
    }

    /** Continues the call with the TwiML at {@code url} (posted to). */
    public Twiml redirect(String url) {
        requireOpen();
        requireText(url, "url");
        verbs.append("<Redirect method=\"POST\">").append(escape(url)).append("</Redirect>");
        ended = true;
        return this;
    }

    /** Ends the call. */
    public Twiml hangup() {
        requireOpen();
        verbs.append("<Hangup/>");
        ended = true;
        return this;
    }

    /** The document. */
    public String xml() {
        return PROLOG + "<Response>" + verbs + "</Response>";
    }

    @Override
    public String toString() {
        return xml();
    }

    /** The TwiML language of {@code zh} / {@code en} (a tag such as {@code zh-CN} is accepted too). */
    public static String language(String lang) {
        String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        if (l.equals("zh") || l.startsWith("zh-") || l.startsWith("zh_")) {
            return "zh-CN";
        }
        if (l.equals("en") || l.startsWith("en-") || l.startsWith("en_")) {
            return "en-US";
        }
        throw new IllegalArgumentException("language must be zh or en, was " + lang);
    }

    /**
     * Escapes the five XML special characters ({@code & < > " '}) and drops characters XML 1.0 cannot carry
     * (control characters other than tab, CR and LF; unpaired surrogates; U+FFFE and U+FFFF).
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private void appendSay(String language, String voice, String text) {
        Objects.requireNonNull(text, "text");
        verbs.append("<Say language=\"").append(language).append("\" voice=\"").append(escape(voice)).append("\">")
                .append(escape(text)).append("</Say>");
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("nothing can follow <Hangup/> or <Redirect>: " + xml());
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
