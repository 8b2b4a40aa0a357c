package io.ordercare.dialog.conversation;

import io.ordercare.dialog.customer.Identity;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer message as REST chat and the channel.inbound events carry it. {@link #validate} lists every invalid
 * field at once.
 */
public record ChatRequest(
        @Schema(description = "Optional: continue this conversation; without it the customer's recent one on the channel continues or a new one starts", example = "web-7f3a") String conversationId,
        @Schema(description = "CHAT (web chat), APP, SOCIAL or VOICE; lower case and 'web' accepted", example = "CHAT", required = true) String channel,
        @Schema(required = true) Customer customer,
        @Schema(description = "What the customer wrote, at most 2,000 characters", example = "我的订单到哪了", required = true) String text,
        @Schema(description = "Optional: the channel's id of the message; a message sent twice is answered once", example = "m-1029") String messageId) {

    /** Exactly one of the three names the customer. */
    public record Customer(
            @Schema(description = "Phone number; a Chinese mobile without +86 is accepted", example = "13812345678") String phone,
            @Schema(example = "li.lei@example.com") String email,
            @Schema(description = "Platform account as <platform>:<account>", example = "taobao:tb_buyer_1") String platformId) {
    }

    static final Set<String> CHANNELS = Set.of("CHAT", "APP", "SOCIAL", "VOICE");
    static final int MAX_TEXT = 2000;

    public InboundMessage validate(boolean replyOnChannel) {
        List<FieldError> errors = new ArrayList<>();
        String ch = channel == null ? null : channel.strip().toUpperCase(Locale.ROOT);
        if ("WEB".equals(ch) || "WEBCHAT".equals(ch)) {
            ch = "CHAT";
        }
        if (ch == null || ch.isEmpty()) {
            errors.add(new FieldError("channel", "required", null));
        } else if (!CHANNELS.contains(ch)) {
            errors.add(new FieldError("channel", "invalid_channel", channel));
        }
        Identity identity = null;
        if (customer == null || (blank(customer.phone()) && blank(customer.email()) && blank(customer.platformId()))) {
            errors.add(new FieldError("customer", "required", null));
        } else {
            Optional<Identity> id;
            if (!blank(customer.phone())) {
                id = Identity.phone(customer.phone());
                if (id.isEmpty()) {
                    errors.add(new FieldError("customer.phone", "invalid_phone", null));
                }
            } else if (!blank(customer.email())) {
                id = Identity.email(customer.email());
                if (id.isEmpty()) {
                    errors.add(new FieldError("customer.email", "invalid_email", null));
                }
            } else {
                id = Identity.platform(customer.platformId());
                if (id.isEmpty()) {
                    errors.add(new FieldError("customer.platformId", "invalid_platform_id", customer.platformId()));
                }
            }
            identity = id.orElse(null);
        }
        if (blank(text)) {
            errors.add(new FieldError("text", "required", null));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "too_long", null));
        }
        if (conversationId != null && (conversationId.isBlank() || conversationId.length() > 100)) {
            errors.add(new FieldError("conversationId", "invalid_value", null));
        }
        if (messageId != null && (messageId.isBlank() || messageId.length() > 200)) {
            errors.add(new FieldError("messageId", "invalid_value", null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new InboundMessage(conversationId, ch, identity, text.strip(), messageId, replyOnChannel);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
