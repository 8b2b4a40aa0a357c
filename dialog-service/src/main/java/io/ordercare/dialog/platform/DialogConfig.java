package io.ordercare.dialog.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** dialog-service's settings ({@code ordercare.dialog.*} in application.properties). */
@ConfigMapping(prefix = "ordercare.dialog")
public interface DialogConfig {

    /** Topic of the replies for the channel adapters. */
    String outboundTopic();

    /** Topic of handoff requests and other conversation facts. */
    String eventsTopic();

    /** Outbox events still unsent after this long are sent again. */
    Duration republishAfter();

    /** Published outbox events are deleted once published this long ago (kept meanwhile for debugging). */
    Duration outboxKeep();

    /** Channels (CHAT, APP, SOCIAL, VOICE) whose adapter proves who the customer is. */
    Set<String> verifiedChannels();

    /** Wrong answers to the verification question before the bot stops asking. */
    int verificationAttempts();

    /** A message without a conversation id continues the customer's last conversation this recent. */
    Duration conversationIdle();

    /** An intent below this confidence counts as not understood. */
    double lowConfidence();

    /** A sentiment at or below this hands the conversation to a human. */
    double negativeSentiment();

    /** Actor written to order-gateway's audit log for changes made through the assistant. */
    String actor();

    /** Deadline of each gRPC call to another service. */
    Duration grpcTimeout();

    /** CloudEvent source of this service's events. */
    @WithDefault("/dialog-service")
    String eventSource();
}
