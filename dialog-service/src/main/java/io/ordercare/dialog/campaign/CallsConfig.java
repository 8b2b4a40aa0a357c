package io.ordercare.dialog.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The phone robot's settings ({@code ordercare.dialog.calls.*}): the defaults of new campaigns and the call policy. */
@ConfigMapping(prefix = "ordercare.dialog.calls")
public interface CallsConfig {

    /** How often the scheduler looks for due contacts. */
    @WithDefault("200ms")
    Duration tick();

    /** Most due contacts one campaign starts per tick. */
    @WithDefault("200")
    int batch();

    /** Daily calling slots in the customer's local time; outside them are quiet hours. */
    @WithDefault("09:00-12:00,14:00-18:00,19:00-21:00")
    String callingWindow();

    /** The zone of customers whose address names none we know. */
    @WithDefault("Asia/Shanghai")
    String defaultZone();

    @WithDefault("3")
    int maxAttempts();

    /** Least time between two attempts; an unanswered call is retried in the next calling slot after it. */
    @WithDefault("2H")
    Duration retrySpacing();

    /** Calls of one campaign in progress at once. */
    @WithDefault("20")
    int concurrency();

    /** Place calls in the customer's likeliest hour (else as soon as the window is open). */
    @WithDefault("true")
    boolean bestTime();

    /** How far ahead the best-time model may move a call. */
    @WithDefault("24H")
    Duration bestTimeHorizon();

    /** A dial with no status callback for this long is taken as failed. */
    @WithDefault("10M")
    Duration staleAfter();

    /** The number calls come from (caller id). */
    @WithDefault("+864009000000")
    String callerId();

    /** Where a call is transferred when a person is needed. */
    @WithDefault("+864009000001")
    String agentNumber();

    /** Speech recognised below this confidence is asked again. */
    @WithDefault("0.4")
    double minSpeechConfidence();

    /** The same question asked this many times without an answer ends the call (or hands it over). */
    @WithDefault("2")
    int reasks();

    /** Satisfaction survey calls after delivery (the standing survey campaign is created paused when off). */
    @WithDefault("false")
    boolean survey();

    /** The standing campaigns (fed by events) start paused (tests, or a shop that resumes them by hand). */
    @WithDefault("false")
    boolean standingPaused();

    /**
     * Events older than this plan no contact: switching the robot on (a new consumer group reads order.changes
     * from the beginning) must not call about last month's orders.
     */
    @WithDefault("48H")
    Duration maxEventAge();

    /** logistics.alerts types that reach the customer. */
    @WithDefault("shipment.stuck,shipment.delay-risk,shipment.lost-suspected,shipment.delivery-failed")
    java.util.List<String> alertTypes();

    /** The classpath resource of the confirmation rules (which fresh orders are called, what is read back). */
    @WithDefault("calls/confirmation-rules.yaml")
    String rules();

    /** Base URL the telephony platform reaches this service at (the webhooks' URLs). */
    Optional<String> publicUrl();
}
