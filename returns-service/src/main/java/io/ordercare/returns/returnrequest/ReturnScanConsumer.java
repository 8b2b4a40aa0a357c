package io.ordercare.returns.returnrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Scans of return parcels from {@code logistics.return-scans} (logistics-watcher's {@code return-parcel.scanned}
 * CloudEvents), applied to their return in order per order id (the record key). A record that cannot be read goes
 * to {@code logistics.return-scans.dlq} with the reason in its {@code dead-letter-reason} header and the stream
 * goes on; a repeated event (same id) changes nothing.
 */
@ApplicationScoped
public class ReturnScanConsumer {

    private static final Logger LOG = Logger.getLogger(ReturnScanConsumer.class);
    static final String TYPE = "return-parcel.scanned";

    @Inject
    ObjectMapper json;

    @Inject
    ReturnService returns;

    @Inject
    @Channel("return-scans-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("return-scans")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        ReturnService.ParcelScan scan;
        try {
            scan = read(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warnf("logistics.return-scans partition %d offset %d rejected: %s", record.partition(), record.offset(),
                    e.getMessage());
            return deadLetters.sendMessage(DeadLetter.of(record, e.getMessage()));
        }
        if (scan == null) {
            return Uni.createFrom().voidItem();
        }
        return returns.applyScan(scan).replaceWithVoid()
                // the database is unreachable: wait for it rather than lose the scan
                .onFailure(e -> !(e instanceof PgException)).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }

    /** The scan of a record; null for other event types; IllegalArgumentException when unreadable. */
    ReturnService.ParcelScan read(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty record");
        }
        JsonNode node = CloudEvent.read(json, value);
        if (!TYPE.equals(node.path("type").asText())) {
            return null;
        }
        JsonNode d = node.get("data");
        String id = node.path("id").asText("");
        String carrier = d.path("carrier").asText("");
        String number = d.path("trackingNumber").asText("");
        JsonNode s = d.path("scan");
        String code = s.path("code").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id is missing");
        }
        if ((carrier.isEmpty() || number.isEmpty()) && d.path("returnId").asText("").isEmpty()) {
            throw new IllegalArgumentException("data.returnId or data.carrier and data.trackingNumber are required");
        }
        if (code.isEmpty()) {
            throw new IllegalArgumentException("data.scan.code is missing");
        }
        Instant at;
        try {
            at = Instant.parse(s.path("scannedAt").asText(""));
        } catch (Exception e) {
            throw new IllegalArgumentException("data.scan.scannedAt is not an instant");
        }
        return new ReturnService.ParcelScan(id, text(d, "returnId"), text(d, "orderId"), carrier, number, code, at,
                text(s, "hub"), text(s, "city"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
