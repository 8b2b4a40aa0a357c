package io.ordercare.logistics.detection;

import java.time.Duration;
import java.time.Instant;

/**
 * Something worth an alert. {@code episode} names the occurrence (the silence that began at a given scan,
 * the promise of a given date, the n-th failed attempt) so the same one is never alerted twice.
 *
 * @param dueAt when the condition became true (the threshold crossing for time-based findings)
 * @param silentFor how long the parcel has been without a scan, for stuck and lost
 */
public record Finding(AlertType type, String episode, Instant dueAt, Duration silentFor) {
}
