package io.ordercare.routing.routing;

/** The customer's value tier; VIPs go to the vip queue and are served sooner. */
public enum CustomerValue {
    STANDARD, HIGH_VALUE, VIP
}
