package io.ordercare.dialog.call.twiml;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the configured voices injectable: {@code @Inject TwimlVoices voices; Twiml.response(voices)...}. */
@ApplicationScoped
public class TwimlVoicesProducer {

    /** {@code ordercare.dialog.voice.*}: the text-to-speech voices of the phone robot. */
    @ConfigMapping(prefix = "ordercare.dialog.voice")
    public interface VoiceConfig {

        /** Voice of the Chinese (zh-CN) prompts. */
        @WithDefault("Polly.Zhiyu")
        String voiceZh();

        /** Voice of the English (en-US) prompts. */
        @WithDefault("Polly.Joanna")
        String voiceEn();
    }

    @Produces
    @Singleton // a record cannot be proxied; the value never changes
    TwimlVoices voices(VoiceConfig config) {
        return new TwimlVoices(config.voiceZh(), config.voiceEn());
    }
}
