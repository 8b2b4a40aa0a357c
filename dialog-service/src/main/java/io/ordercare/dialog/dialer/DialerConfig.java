package io.ordercare.dialog.dialer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The telephony edge's settings: {@code ordercare.dialog.dialer}, {@code ordercare.dialog.twilio.*} and
 * {@code ordercare.dialog.simulator.*} (defaults in application.properties).
 */
@ConfigMapping(prefix = "ordercare.dialog")
public interface DialerConfig {

    enum Kind {
        /** {@link TelephonySimulator}: calls simulated customers and plays the webhooks locally. */
        SIMULATOR,
        /** {@link TwilioDialer}: real calls through Twilio's REST API. */
        TWILIO
    }

    /** Which dialer places the calls. */
    @WithDefault("simulator")
    Kind dialer();

    Twilio twilio();

    Simulator simulator();

    /** Twilio's REST API; account-sid, auth-token and from are required when the dialer is twilio. */
    interface Twilio {

        Optional<String> accountSid();

        /** Also signs the simulator's webhooks when set, so signature checks run locally too. */
        Optional<String> authToken();

        /** The caller id (a Twilio number, E.164) when the call request names none. */
        Optional<String> from();

        @WithDefault("https://api.twilio.com")
        String apiBase();

        /** Deadline of one REST call. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** The local telephony simulator: its default customer and its limits. */
    interface Simulator {

        /** Seed of the default random customer (same seed, same calls in the same order → same behaviour). */
        @WithDefault("42")
        long seed();

        /** Share of calls not picked up. */
        @WithDefault("0")
        double noAnswerRate();

        /** Share of calls that find the line busy. */
        @WithDefault("0")
        double busyRate();

        /** Share of calls answered by a voicemail machine. */
        @WithDefault("0")
        double machineRate();

        /** Share of calls that fail in the network. */
        @WithDefault("0")
        double failedRate();

        /** Share of answers the speech recognition gets wrong (nonsense at confidence 0.2). */
        @WithDefault("0")
        double misrecognitionRate();

        /** Share of answers given while the prompt is still playing (keys or speech at once). */
        @WithDefault("0")
        double bargeInRate();

        /** Share of address and item read-backs the customer corrects. */
        @WithDefault("0")
        double correctionRate();

        /** Share of stock and price questions the customer answers by cancelling or refusing. */
        @WithDefault("0")
        double cancelRate();

        /** Simulated calls kept for inspection (oldest dropped first). */
        @WithDefault("1000")
        int keepCalls();

        /** Time between placing a call and its pickup (or busy / no-answer). */
        @WithDefault("0ms")
        Duration ringDelay();

        /** Time the customer takes before each answer. */
        @WithDefault("0ms")
        Duration thinkTime();

        /** Calls in progress at most; placing more fails (retryable). */
        @WithDefault("500")
        int maxInFlight();

        /** Deadline of one webhook request. */
        @WithDefault("10s")
        Duration webhookTimeout();
    }
}
