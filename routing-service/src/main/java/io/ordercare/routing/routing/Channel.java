package io.ordercare.routing.routing;

import java.util.Locale;
import java.util.Optional;

/** Where the customer talks to us; an agent has a capacity per channel. */
public enum Channel {
    CHAT, APP, SOCIAL, VOICE;

    public static Optional<Channel> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
