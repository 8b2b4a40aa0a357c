package io.ordercare.gateway.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordercare.gateway.ingest.IncomingOrder;
import io.ordercare.gateway.order.OrderIngest;
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
 * Raw platform orders from {@code orders.inbound}, a poll at a time. A record is either a CloudEvent
 * whose {@code data} is the platform payload (platform from its {@code type}, e.g.
 * {@code order.inbound.taobao}, or detected), or the bare payload with an optional {@code platform}
 * header. A record that cannot be parsed, normalized or stored goes to {@code orders.inbound.dlq} with
 * the reason in its {@code dead-letter-reason} header, and the rest of the poll goes on. Redeliveries
 * change nothing (idempotent on platform + external id). The poll is acknowledged only after its
 * orders are committed and its rejects are on the DLQ.
 */
@ApplicationScoped
public class OrdersInboundConsumer {

    private static final Logger LOG = Logger.getLogger(OrdersInboundConsumer.class);

    @Inject
    OrderIntake intake;

    @Inject
    OrderIngest ingest;

    @Inject
    @Channel("orders-inbound-dlq")
    MutinyEmitter<String> deadLetters;

    private record Accepted(ConsumerRecord<String, String> record, IncomingOrder order) {
    }

    @Incoming("orders-inbound")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Accepted> accepted = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Inbound in = parse(record);
                accepted.add(new Accepted(record, intake.read(in.platform(), in.payload())));
            } catch (RuntimeException e) {
                rejected.add(deadLetter(record, e.getMessage()));
            }
        }
        Uni<Void> dlq = rejected.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return dlq.chain(() -> store(accepted));
    }

    private Uni<Void> store(List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ingest.ingest(accepted.stream().map(Accepted::order).toList())
                .invoke(results -> LOG.debugf("orders.inbound: %d orders, %d new", results.size(),
                        results.stream().filter(OrderIngest.Ingested::created).count()))
                .replaceWithVoid()
                // the database refused the batch: store one by one so only the offending order is rejected
                .onFailure(PgException.class).recoverWithUni(e -> oneByOne(accepted))
                // the database is unreachable: wait for it rather than dead-letter good orders
                .onFailure(e -> !(e instanceof PgException)).retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(8);
    }

    private Uni<Void> oneByOne(List<Accepted> accepted) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Accepted a : accepted) {
            chain = chain.chain(() -> ingest.ingest(List.of(a.order())).replaceWithVoid()
                    .onFailure(PgException.class).recoverWithUni(e -> deadLetter(a.record(),
                            "refused by the database: " + ((PgException) e).getErrorMessage())));
        }
        return chain;
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("orders.inbound partition %d offset %d rejected: %s", record.partition(), record.offset(), reason);
        return deadLetters.sendMessage(DeadLetter.of(record, reason));
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
