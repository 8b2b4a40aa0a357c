package io.ordercare.dialog.call.twiml;

/**
 * The text-to-speech voice of each language the robot speaks, e.g. {@code Polly.Zhiyu} for Chinese and
 * {@code Polly.Joanna} for English. Configured by {@code ordercare.dialog.voice.voice-zh|voice-en} (see
 * {@link TwimlVoicesProducer}); a plain value so that {@link Twiml} stays free of configuration.
 */
public record TwimlVoices(String zh, String en) {

    /** Amazon Polly voices Twilio offers for zh-CN and en-US; also the configured defaults. */
    public static final TwimlVoices DEFAULT = new TwimlVoices("Polly.Zhiyu", "Polly.Joanna");

    public TwimlVoices {
        if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a voice is needed for zh and for en");
        }
    }

    /** The voice for {@code zh} or {@code en}. */
    public String voice(String lang) {
        return Twiml.language(lang).startsWith("zh") ? zh : en;
    }
}
