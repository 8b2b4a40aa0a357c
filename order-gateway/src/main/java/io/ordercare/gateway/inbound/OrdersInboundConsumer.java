package io.ordercare.gateway.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordercare.gateway.platform.CloudEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Raw platform orders from {@code orders.inbound}. A record is either a CloudEvent whose {@code data}
 * is the platform payload (platform from its {@code type}, e.g. {@code order.inbound.taobao}, or
 * detected), or the bare payload with an optional {@code platform} header. A record that cannot be
 * parsed or accepted is nacked and lands on {@code orders.inbound.dlq} with the reason in its
 * {@code dead-letter-reason} header; the consumer goes on. Redeliveries change nothing (idempotent
 * on platform + external id).
 */
@ApplicationScoped
public class OrdersInboundConsumer {

    private static final Logger LOG = Logger.getLogger(OrdersInboundConsumer.class);

    @Inject
    OrderIntake intake;

    @Incoming("orders-inbound")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> parse(record))
                .chain(in -> intake.accept(in.platform(), in.payload()))
                .invoke(r -> LOG.debugf("orders.inbound offset %d -> order %s (%s)", record.offset(), r.orderId(),
                        r.created() ? "created" : "already known"))
                .onFailure().invoke(e -> LOG.warnf("orders.inbound offset %d rejected: %s", record.offset(), e.getMessage()))
                .replaceWithVoid();
    }

    private record Inbound(String platform, JsonNode payload) {
    }

    private Inbound parse(ConsumerRecord<String, String> record) {
        JsonNode node = intake.parse(record.value());
        if (CloudEvent.isEnvelope(node)) {
            String type = node.path("type").asText("");
            String platform = type.startsWith("order.inbound.") ? type.substring("order.inbound.".length()) : null;
            return new Inbound(platform, node.get("data"));
        }
        Header header = record.headers().lastHeader("platform");
        return new Inbound(header == null ? null : new String(header.value(), StandardCharsets.UTF_8), node);
    }
}
