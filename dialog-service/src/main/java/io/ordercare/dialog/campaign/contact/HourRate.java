package io.ordercare.dialog.campaign.contact;

/**
 * One row of the answer-rate-by-hour report.
 *
 * @param hour     local hour of the day, 0–23
 * @param calls    calls placed in that hour
 * @param answered calls a person answered
 * @param rate     answered / calls, or null when no call was placed (no data is not a rate of zero)
 */
public record HourRate(int hour, long calls, long answered, Double rate) {
}
