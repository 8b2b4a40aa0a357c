package io.ordercare.tools.carrier;

import java.time.Instant;

/** One scan of a script: when, what, where. */
public record SimulatedScan(Instant at, ScanKind kind, String hub, String city, String description) {
}
