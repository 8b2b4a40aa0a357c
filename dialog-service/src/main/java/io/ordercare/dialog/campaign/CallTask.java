package io.ordercare.dialog.campaign;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/**
 * One contact to make: the order, why (the episode), the script, whom (phone, language, time zone), how (a call or
 * a message), and where it stands (pending, dialing, in a call, done with an outcome).
 */
public record CallTask(UUID id, UUID campaignId, String episode, String orderId, CampaignKind kind, String script,
        String phone, String lang, String zone, String channel, String status, String outcome, String facts,
        int attempts, Instant nextAttemptAt, UUID lastCallId) {

    public static final String PENDING = "PENDING";
    public static final String DIALING = "DIALING";
    public static final String IN_CALL = "IN_CALL";
    public static final String DONE = "DONE";
    public static final String CALL = "CALL";
    public static final String MESSAGE = "MESSAGE";

    static final String COLUMNS = "id, campaign_id, episode, order_id, kind, script, phone, lang, zone, channel, status, "
            + "outcome, facts, attempts, next_attempt_at, last_call_id";

    static CallTask of(Row r) {
        return new CallTask(r.getUUID("id"), r.getUUID("campaign_id"), r.getString("episode"), r.getString("order_id"),
                CampaignKind.valueOf(r.getString("kind")), r.getString("script"), r.getString("phone"),
                r.getString("lang"), r.getString("zone"), r.getString("channel"), r.getString("status"),
                r.getString("outcome"), r.getString("facts"), r.getInteger("attempts"),
                r.getOffsetDateTime("next_attempt_at") == null ? null : r.getOffsetDateTime("next_attempt_at").toInstant(),
                r.getUUID("last_call_id"));
    }

    public java.time.ZoneId zoneId() {
        return java.time.ZoneId.of(zone);
    }

    /** The phone number as logs may show it. */
    public String maskedPhone() {
        return mask(phone);
    }

    public static String mask(String phone) {
        return phone == null || phone.length() < 4 ? "****" : "***" + phone.substring(phone.length() - 4);
    }
}
