package io.ordercare.returns.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records when orders were delivered, from order-gateway's {@code order.changes}: an {@code order.status-changed}
 * to DELIVERED, at the commit time of the change (the event's {@code time}). The first delivery recorded wins, so a
 * redelivered event changes nothing. Other events are skipped; an unreadable record goes to
 * {@code order.changes.dlq} with the reason.
 */
@ApplicationScoped
public class DeliveryConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Inject
    @Channel("order-changes-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("order-changes")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        JsonNode node;
        try {
            node = json.readTree(record.value() == null ? "" : record.value());
        } catch (Exception e) {
            node = null;
        }
        if (!CloudEvent.isEnvelope(node)) {
            LOG.warnf("order.changes partition %d offset %d rejected: not a CloudEvent", record.partition(),
                    record.offset());
            return deadLetters.sendMessage(DeadLetter.of(record, "not a CloudEvent"));
        }
        if (!"order.status-changed".equals(node.path("type").asText())
                || !"DELIVERED".equals(node.path("data").path("status").asText())) {
            return Uni.createFrom().voidItem();
        }
        String orderId = node.path("data").path("orderId").asText(node.path("subject").asText(""));
        Instant at;
        try {
            at = Instant.parse(node.path("time").asText());
        } catch (Exception e) {
            return deadLetters.sendMessage(DeadLetter.of(record, "time is not an instant"));
        }
        return pool.preparedQuery("""
                insert into order_delivery (order_id, delivered_at, event_id) values ($1, $2, $3)
                on conflict (order_id) do nothing""")
                .execute(Tuple.of(orderId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), node.path("id").asText()))
                .replaceWithVoid()
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }
}
