package io.ordercare.logistics.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.logistics.shipment.ShipmentTracking;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Carrier scans from {@code logistics.tracking}, a poll at a time. A record is a CloudEvent whose
 * {@code data} is the carrier payload and whose {@code type} is {@code tracking.sf}, {@code tracking.cainiao}
 * or {@code tracking.ups}, or the bare payload (with an optional {@code format} header; otherwise the format is
 * recognized by its shape). A record that cannot be read goes to {@code logistics.tracking.dlq} with the reason
 * in its {@code dead-letter-reason} header and the rest of the poll goes on. The poll is acknowledged once its
 * scans are committed and its rejects are on the DLQ.
 */
@ApplicationScoped
public class TrackingConsumer {

    private static final Logger LOG = Logger.getLogger(TrackingConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    ShipmentTracking tracking;

    @Inject
    @Channel("logistics-tracking-dlq")
    MutinyEmitter<String> deadLetters;

    private final ScanNormalizer normalizer = new ScanNormalizer();

    @Incoming("logistics-tracking")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<CarrierScan> scans = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                scans.addAll(read(record));
            } catch (InvalidScanException e) {
                rejected.add(deadLetter(record, e.getMessage()));
            }
        }
        Uni<Void> dlq = rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return dlq.chain(() -> tracking.record(scans))
                .invoke(n -> LOG.debugf("logistics.tracking: %d records, %d scans, %d new", records.count(), scans.size(), n))
                .replaceWithVoid()
                // the database is unreachable: wait for it rather than lose scans
                .onFailure(e -> !(e instanceof PgException)).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }

    List<CarrierScan> read(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw new InvalidScanException("empty record");
        }
        JsonNode node;
        try {
            node = json.readTree(record.value());
        } catch (Exception e) {
            throw new InvalidScanException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (CloudEvent.isEnvelope(node)) {
            String type = node.path("type").asText("");
            String format = type.startsWith("tracking.") ? type.substring("tracking.".length()) : null;
            return normalizer.read(format, node.get("data"));
        }
        Header header = record.headers().lastHeader("format");
        return normalizer.read(header == null ? null : new String(header.value(), StandardCharsets.UTF_8), node);
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("logistics.tracking partition %d offset %d rejected: %s", record.partition(), record.offset(), reason);
        return deadLetters.sendMessage(DeadLetter.of(record, reason));
    }
}
