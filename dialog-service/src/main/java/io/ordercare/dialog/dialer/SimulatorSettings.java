package io.ordercare.dialog.dialer;

import java.time.Duration;

/**
 * The simulator's settings as plain values (from {@link DialerConfig}, or written by a test).
 *
 * @param profile        the default customer's behaviour
 * @param keepCalls      simulated calls kept for inspection
 * @param ringDelay      time from placing a call to its pickup
 * @param thinkTime      time the customer takes before each answer
 * @param maxInFlight    calls in progress at most
 * @param webhookTimeout deadline of one webhook request
 * @param signingToken   when not null, webhooks carry an {@code X-Twilio-Signature} made with it
 */
public record SimulatorSettings(SimulatorProfile profile, int keepCalls, Duration ringDelay, Duration thinkTime,
        int maxInFlight, Duration webhookTimeout, String signingToken) {

    public SimulatorSettings {
        if (profile == null || !profile.errors().isEmpty()) {
            throw new IllegalArgumentException("invalid simulator profile " + profile
                    + (profile == null ? "" : ": " + profile.errors()));
        }
        if (keepCalls < 0 || maxInFlight < 1 || ringDelay.isNegative() || thinkTime.isNegative()
                || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("invalid simulator settings: keepCalls " + keepCalls + ", maxInFlight "
                    + maxInFlight + ", ringDelay " + ringDelay + ", thinkTime " + thinkTime + ", webhookTimeout "
                    + webhookTimeout);
        }
    }

    /** The defaults of application.properties: cooperative customers, no delays, no signature. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(SimulatorProfile.COOPERATIVE, 1000, Duration.ZERO, Duration.ZERO, 500,
                Duration.ofSeconds(10), null);
    }

    public static SimulatorSettings of(DialerConfig config) {
        DialerConfig.Simulator s = config.simulator();
        return new SimulatorSettings(SimulatorProfile.of(s), s.keepCalls(), s.ringDelay(), s.thinkTime(),
                s.maxInFlight(), s.webhookTimeout(), config.twilio().authToken().filter(t -> !t.isBlank()).orElse(null));
    }

    public SimulatorSettings withProfile(SimulatorProfile p) {
        return new SimulatorSettings(p, keepCalls, ringDelay, thinkTime, maxInFlight, webhookTimeout, signingToken);
    }

    public SimulatorSettings withSigningToken(String token) {
        return new SimulatorSettings(profile, keepCalls, ringDelay, thinkTime, maxInFlight, webhookTimeout, token);
    }

    public SimulatorSettings withDelays(Duration ring, Duration think) {
        return new SimulatorSettings(profile, keepCalls, ring, think, maxInFlight, webhookTimeout, signingToken);
    }

    @Override
    public String toString() {
        // the token is a secret
        return "SimulatorSettings[profile=" + profile + ", keepCalls=" + keepCalls + ", ringDelay=" + ringDelay
                + ", thinkTime=" + thinkTime + ", maxInFlight=" + maxInFlight + ", webhookTimeout=" + webhookTimeout
                + ", signed=" + (signingToken != null) + "]";
    }
}
