package io.ordercare.dialog.dialer;

import java.util.Map;

/**
 * What the simulator did since start (or {@link TelephonySimulator#clear()}).
 *
 * @param callsPlaced    calls accepted by {@code place()}
 * @param rejected       calls refused because {@code max-in-flight} were in progress
 * @param inFlight       calls in progress now
 * @param pickups        calls per pickup (ANSWER, NO_ANSWER, BUSY, FAILED, MACHINE)
 * @param finalStatuses  finished calls per final status (completed, busy, no-answer, failed)
 * @param exchanges      TwiML exchanges (answer, gather and redirect requests)
 * @param webhooks       all webhook requests (the exchanges and the status callbacks)
 * @param httpFailures   webhook requests that failed: no answer, or a status other than 2xx
 * @param invalidTwiml   answers that were not a TwiML response (the call failed)
 * @param guardHangups   calls hung up after {@value TelephonySimulator#MAX_EXCHANGES} exchanges
 * @param meanLatencyMs  mean webhook latency as the simulator sees it
 * @param p99LatencyMs   99th percentile of the last {@value TelephonySimulator#LATENCY_SAMPLES} webhook latencies
 * @param maxLatencyMs   the slowest webhook
 * @param customer       what the default random customer did (since its profile was set)
 */
public record SimulatorStats(long callsPlaced, long rejected, int inFlight, Map<Pickup, Long> pickups,
        Map<String, Long> finalStatuses, long exchanges, long webhooks, long httpFailures, long invalidTwiml,
        long guardHangups, double meanLatencyMs, double p99LatencyMs, double maxLatencyMs,
        RandomCustomer.Tally customer) {
}
