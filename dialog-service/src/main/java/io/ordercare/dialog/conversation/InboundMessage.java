package io.ordercare.dialog.conversation;

import io.ordercare.dialog.customer.Identity;

/**
 * A customer message as every channel delivers it: which conversation (optional: the customer's recent one on the
 * channel is continued, else a new one starts), the channel (CHAT, APP, SOCIAL, VOICE), who wrote it, the text, the
 * channel's message id (a message delivered twice is answered once) and whether the replies go out on
 * channel.outbound (messages from the adapters) or only back to the caller (REST chat).
 */
public record InboundMessage(String conversationId, String channel, Identity identity, String text, String messageId,
        boolean replyOnChannel) {
}
