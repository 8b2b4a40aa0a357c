package io.ordercare.gateway.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ordercare.gateway.order.OrderReader;
import io.ordercare.platform.DatabaseConfig;
import io.ordercare.platform.DeadLetter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Debezium's embedded engine on the order tables (pgoutput), publishing domain events to
 * {@code order.changes} keyed by order id. A batch's source positions are committed only after Kafka
 * acknowledged every event of it, and positions live in a Kafka topic: a restart, even after
 * {@code kill -9}, resumes at the last committed position (at-least-once; event ids stay the same).
 */
@ApplicationScoped
public class CdcEngine {

    private static final Logger LOG = Logger.getLogger(CdcEngine.class);
    private static final String CAPTURED_TABLES = "public.orders,public.payment,public.order_flag";

    @Inject
    CdcConfig config;

    @Inject
    DatabaseConfig db;

    @Inject
    OrderReader reader;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private OrderChangeMapper mapper;
    private KafkaProducer<String, String> producer;
    private DebeziumEngine<ChangeEvent<String, String>> engine;
    private ExecutorService executor;
    private volatile boolean running;
    private volatile boolean wanted;
    private volatile Throwable failure;
    /** Written by the engine thread and the restart scheduler. */
    private volatile int consecutiveFailures;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cdc-engine-restart");
        t.setDaemon(true);
        return t;
    });
    private Counter published;
    private Counter deadLettered;
    private Timer commitToPublish;

    void onStart(@Observes StartupEvent event) {
        mapper = new OrderChangeMapper(json);
        published = registry.counter("ordercare.cdc.events.published");
        deadLettered = registry.counter("ordercare.cdc.events.dead-lettered");
        commitToPublish = Timer.builder("ordercare.cdc.commit-to-publish")
                .description("From the database commit to the event acknowledged by Kafka")
                .publishPercentiles(0.5, 0.99).register(registry);
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        restarts.shutdownNow();
    }

    public synchronized void start() {
        wanted = true;
        if (running) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        engine = DebeziumEngine.create(Json.class)
                .using(engineProperties())
                .notifying(this::handleBatch)
                .using((success, message, error) -> {
                    running = false;
                    if (!success && wanted) {
                        failure = error;
                        scheduleRestart(message, error);
                    }
                })
                .build();
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cdc-engine");
            t.setDaemon(true); // a non-daemon engine thread would keep a stopping JVM alive
            return t;
        });
        running = true;
        executor.execute(engine);
        LOG.infof("CDC engine started on %s (slot %s) -> %s", CAPTURED_TABLES, config.slotName(), config.topic());
    }

    /**
     * A failed engine (database or broker gone, slot taken) is started again after a growing pause,
     * so the stream heals by itself; readiness is DOWN meanwhile.
     */
    private void scheduleRestart(String message, Throwable error) {
        long delay = Math.min(60, 2L << Math.min(consecutiveFailures++, 5));
        LOG.errorf(error, "CDC engine failed (%s); restarting in %d s", message, delay);
        restarts.schedule(() -> {
            synchronized (this) {
                if (wanted && !running) {
                    release();
                    start();
                }
            }
        }, delay, TimeUnit.SECONDS);
    }

    /** Stops the engine; committed positions stay, so {@link #start()} resumes where it stopped. */
    public synchronized void stop() {
        wanted = false;
        release();
    }

    private void release() {
        if (engine != null) {
            try {
                engine.close();
            } catch (IllegalStateException e) {
                LOG.debug("CDC engine was already stopped", e); // close() throws once the engine stopped by itself
            } catch (Exception e) {
                LOG.warn("CDC engine did not close cleanly", e);
            }
            engine = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
            executor = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
        running = false;
    }

    public boolean isRunning() {
        return running;
    }

    public Throwable failure() {
        return failure;
    }

    private void handleBatch(List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<Instant> commits = new ArrayList<>();
        List<String> touchedOrders = new ArrayList<>();
        for (ChangeEvent<String, String> record : records) {
            if (record.value() == null) {
                continue; // tombstones are off; heartbeat-like records carry nothing
            }
            try {
                for (OrderEvent e : mapper.map(record.value())) {
                    acks.add(producer.send(new ProducerRecord<>(config.topic(), e.orderId(), toJson(e))));
                    commits.add(e.event().time());
                    touchedOrders.add(e.orderId());
                }
            } catch (UnmappableChangeException e) {
                ProducerRecord<String, String> dead = new ProducerRecord<>(config.dlqTopic(), record.key(), record.value());
                dead.headers().add(DeadLetter.REASON_HEADER, e.getMessage().getBytes(StandardCharsets.UTF_8));
                dead.headers().add("dead-letter-topic", config.topic().getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(dead));
                commits.add(null);
                deadLettered.increment();
                LOG.warnf("change sent to %s: %s", config.dlqTopic(), e.getMessage());
            }
        }
        // positions are committed only once Kafka holds every event of the batch
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Kafka refused a CDC event; the batch will be re-read", e.getCause());
            }
            Instant committed = commits.get(i);
            if (committed != null) {
                published.increment();
                commitToPublish.record(Duration.between(committed, Instant.now()));
            }
        }
        touchedOrders.stream().distinct().forEach(id -> reader.invalidate(id).await().indefinitely());
        for (ChangeEvent<String, String> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
        consecutiveFailures = 0;
        failure = null;
    }

    private String toJson(OrderEvent e) {
        try {
            return json.writeValueAsString(e.event());
        } catch (JsonProcessingException ex) {
            throw new UnmappableChangeException("event not serializable: " + ex.getMessage());
        }
    }

    private Properties engineProperties() {
        Properties p = new Properties();
        p.setProperty("name", "order-gateway-cdc");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.setProperty("offset.storage.topic", config.offsetsTopic());
        p.setProperty("offset.storage.partitions", "1");
        p.setProperty("offset.storage.replication.factor", "1");
        p.setProperty("offset.flush.interval.ms", String.valueOf(config.offsetFlushInterval().toMillis()));
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.user", db.username());
        p.setProperty("database.password", db.password());
        p.setProperty("database.dbname", db.name());
        p.setProperty("topic.prefix", "order-gateway");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", config.slotName());
        p.setProperty("publication.name", config.publicationName());
        // a non-superuser may not create FOR ALL TABLES publications
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", CAPTURED_TABLES);
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("poll.interval.ms", String.valueOf(config.pollInterval().toMillis()));
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "order-gateway-cdc");
        return p;
    }
}
