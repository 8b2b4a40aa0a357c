package io.ordercare.logistics.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.platform.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Starts a shipment when order-gateway reports an order shipped: an {@code order.status-changed} event on
 * {@code order.changes} with {@code status: SHIPPED} and its {@code shipment} (carrier, tracking number,
 * origin, destination city, promised delivery date). Every other event is none of this service's business. A
 * record that is not a readable event goes to {@code order.changes.dlq} with the reason; a redelivery changes
 * nothing (one shipment per carrier and tracking number).
 */
@ApplicationScoped
public class OrderChangesConsumer {

    private static final Logger LOG = Logger.getLogger(OrderChangesConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ShipmentTracking tracking;

    @Inject
    @Channel("order-changes-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("order-changes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Parcel> shipped = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Parcel p = shipped(record.value());
                if (p != null) {
                    shipped.add(p);
                }
            } catch (IllegalArgumentException e) {
                LOG.warnf("order.changes partition %d offset %d rejected: %s", record.partition(), record.offset(),
                        e.getMessage());
                rejected.add(deadLetters.sendMessage(DeadLetter.of(record, e.getMessage())));
            }
        }
        Uni<Void> dlq = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return dlq.chain(() -> tracking.open(shipped))
                .invoke(created -> {
                    if (!created.isEmpty()) {
                        LOG.debugf("order.changes: %d shipments started", created.size());
                    }
                })
                .replaceWithVoid()
                .onFailure(e -> !(e instanceof PgException)).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }

    /** The shipment an event starts, or null when the event starts none. */
    Parcel shipped(String value) {
        JsonNode event;
        try {
            event = json.readTree(value == null ? "" : value);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (event == null || !event.isObject() || !event.hasNonNull("type") || !event.has("data")) {
            throw new IllegalArgumentException("not a CloudEvent (type and data expected)");
        }
        JsonNode data = event.get("data");
        if (!"order.status-changed".equals(event.get("type").asText()) || !"SHIPPED".equals(data.path("status").asText())) {
            return null;
        }
        JsonNode s = data.get("shipment");
        String orderId = text(data, "orderId");
        if (s == null || !s.isObject()) {
            // shipped through a plain status change: there is no parcel to follow
            LOG.infof("order %s shipped without carrier and tracking number; not tracked", orderId);
            return null;
        }
        Parcel p = new Parcel();
        p.direction = Direction.OUTBOUND;
        p.orderId = require(orderId, "data.orderId");
        p.customerId = text(data, "customerId");
        p.carrier = require(text(s, "carrier"), "data.shipment.carrier").toUpperCase(Locale.ROOT);
        p.trackingNumber = require(text(s, "trackingNumber"), "data.shipment.trackingNumber").toUpperCase(Locale.ROOT);
        p.origin = orEmpty(text(s, "origin"));
        p.destination = orEmpty(text(s, "destination"));
        try {
            String promised = text(s, "promisedDeliveryDate");
            p.promisedDate = promised == null ? null : LocalDate.parse(promised);
            String shippedAt = text(s, "shippedAt");
            p.shippedAt = shippedAt != null ? Instant.parse(shippedAt)
                    : event.hasNonNull("time") ? Instant.parse(event.get("time").asText()) : null;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("data.shipment has an invalid date: " + e.getParsedString());
        }
        if (p.shippedAt == null) {
            throw new IllegalArgumentException("data.shipment.shippedAt and time are both missing");
        }
        return p;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String require(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
