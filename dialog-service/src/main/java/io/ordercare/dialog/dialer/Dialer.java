package io.ordercare.dialog.dialer;

import io.smallrye.mutiny.Uni;

/**
 * Places outbound calls through a telephony platform ({@code ordercare.dialog.dialer}: {@code simulator}, the
 * default, or {@code twilio}). What happens on the call then comes back through the request's webhooks.
 */
public interface Dialer {

    /**
     * Asks the platform to call; the item is the provider's CallSid. A failure ({@link DialerException}) means
     * the call was not placed.
     */
    Uni<String> place(CallRequest request);
}
