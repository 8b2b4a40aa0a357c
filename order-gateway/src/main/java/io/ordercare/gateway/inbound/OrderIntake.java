package io.ordercare.gateway.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.gateway.ingest.OrderNormalizer;
import io.ordercare.gateway.order.OrderService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one way a platform order enters: parse, normalize to the canonical model, store idempotently
 * on (platform, external id). Used by the webhook endpoint and the {@code orders.inbound} consumer.
 */
@ApplicationScoped
public class OrderIntake {

    private final OrderNormalizer normalizer = new OrderNormalizer();

    @Inject
    ObjectMapper json;

    @Inject
    OrderService orders;

    /** A raw body as received (webhook); fails with {@link MalformedPayloadException} or {@link InvalidOrderException}. */
    public Uni<OrderService.Ingested> accept(String platformHint, String body) {
        return Uni.createFrom().item(() -> normalizer.normalize(platformHint, parse(body)))
                .chain(orders::ingest);
    }

    public Uni<OrderService.Ingested> accept(String platformHint, JsonNode payload) {
        return Uni.createFrom().item(() -> normalizer.normalize(platformHint, payload))
                .chain(orders::ingest);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedPayloadException("empty body");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException(e.getOriginalMessage());
        }
    }
}
