package io.ordercare.routing.routing;

/**
 * AVAILABLE agents get offers. BUSY agents get none for now but still count as able to serve a queue
 * (they will be back); AWAY agents are off shift and do not count.
 */
public enum AgentStatus {
    AVAILABLE, BUSY, AWAY
}
