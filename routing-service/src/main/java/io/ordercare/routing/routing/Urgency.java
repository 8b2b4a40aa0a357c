package io.ordercare.routing.routing;

/** How soon the customer needs a human, as the bot judged it. */
public enum Urgency {
    LOW, NORMAL, HIGH, CRITICAL
}
