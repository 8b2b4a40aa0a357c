package io.ordercare.dialog.dialer;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Twilio's settings, complete (the {@code ordercare.dialog.twilio.*} values checked once, at start). */
public record TwilioSettings(String accountSid, String authToken, String from, String apiBase, Duration timeout) {

    /**
     * The settings of {@code ordercare.dialog.twilio.*}; throws naming every missing key when account-sid,
     * auth-token or from is not set.
     */
    public static TwilioSettings of(DialerConfig.Twilio c) {
        List<String> missing = new ArrayList<>();
        String sid = required(c.accountSid(), "ordercare.dialog.twilio.account-sid", missing);
        String token = required(c.authToken(), "ordercare.dialog.twilio.auth-token", missing);
        String from = required(c.from(), "ordercare.dialog.twilio.from", missing);
        if (!missing.isEmpty()) {
            throw new ConfigurationException("ordercare.dialog.dialer=twilio needs " + String.join(", ", missing)
                    + " (or set ordercare.dialog.dialer=simulator)");
        }
        return new TwilioSettings(sid, token, from, c.apiBase().replaceAll("/+$", ""), c.timeout());
    }

    private static String required(Optional<String> value, String key, List<String> missing) {
        if (value.isEmpty() || value.get().isBlank()) {
            missing.add(key);
            return null;
        }
        return value.get().strip();
    }

    @Override
    public String toString() {
        // the token is a secret, the number is not shown either
        return "TwilioSettings[accountSid=" + accountSid + ", from=" + PhoneMask.last4(from) + ", apiBase=" + apiBase
                + ", timeout=" + timeout + "]";
    }
}
