package io.ordercare.dialog.dialer;

/**
 * A call to place: dialog-service's call attempt id, the customer's number (E.164), the caller id, the language
 * of the call ({@code zh} or {@code en}) and the webhooks the platform calls: {@code answerUrl} once the call is
 * picked up (it answers with TwiML), {@code statusUrl} with the call's progress and end.
 */
public record CallRequest(String callId, String to /*E.164*/, String from, String lang /*zh|en*/,
                          String answerUrl, String statusUrl) {

    @Override
    public String toString() {
        // the phone number is personal data: never in a log line
        return "CallRequest[callId=" + callId + ", to=" + PhoneMask.last4(to) + ", lang=" + lang + "]";
    }
}
