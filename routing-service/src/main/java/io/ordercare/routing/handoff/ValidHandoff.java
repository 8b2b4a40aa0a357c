package io.ordercare.routing.handoff;

import io.ordercare.routing.routing.Channel;
import io.ordercare.routing.routing.CustomerValue;
import io.ordercare.routing.routing.Urgency;
import java.util.List;

/** A handoff request that passed validation, normalised (enums parsed, blanks as null). */
public record ValidHandoff(String idempotencyKey, String conversationId, String customerId, String language,
        CustomerValue customerValue, Channel channel, String orderId, String orderCategory, String intent, String summary,
        List<Turn> transcript, Double sentiment, Urgency urgency, String queue, String skillExpression) {
}
