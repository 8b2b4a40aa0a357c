package io.ordercare.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Starts the real broker and the real PostgreSQL on free ports, uses both, stops both. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaBrokerAndPostgresTest {

    private static final Path DIR = Path.of("target/it-stack").toAbsolutePath();
    private static KafkaBroker kafka;
    private static PostgresServer pg;

    @BeforeAll
    static void startBoth() {
        ProcessSupport.deleteRecursively(DIR);
        int[] ports = ProcessSupport.freePorts(3);
        kafka = new KafkaBroker(DIR.resolve("kafka"), DIR.resolve("logs"), ports[0], ports[1], false);
        pg = new PostgresServer(DIR.resolve("pg"), DIR.resolve("logs"), ports[2], "secret", true);
        long began = System.nanoTime();
        kafka.start();
        long kafkaReady = System.nanoTime();
        pg.start();
        long pgReady = System.nanoTime();
        // On the console on purpose: the classes' own log lines go to the JBoss LogManager, which only a
        // running Quarkus application configures.
        System.out.printf("Kafka broker (format + start) ready in %d ms, PostgreSQL (initdb + start) in %d ms%n",
                (kafkaReady - began) / 1_000_000, (pgReady - kafkaReady) / 1_000_000);
    }

    @AfterAll
    static void stopBoth() {
        // Normally done by the last test; this only cleans up after a failure.
        if (kafka != null) {
            kafka.stop();
        }
        if (pg != null) {
            pg.stop();
        }
    }

    @Test
    @Order(1)
    void producesAndConsumesOneRecord() throws Exception {
        kafka.createTopics(List.of("stack.test"), 3);
        kafka.createTopics(List.of("stack.test", "stack.other"), 3); // existing topics are fine
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            assertTrue(names.containsAll(List.of("stack.test", "stack.other")), names::toString);
            assertEquals(3, admin.describeTopics(List.of("stack.test")).allTopicNames().get()
                    .get("stack.test").partitions().size());
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("stack.test", "order-1", "hello")).get();
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-test",
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("stack.test"));
            ConsumerRecord<String, String> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    received = records.iterator().next();
                }
            }
            assertNotNull(received, "no record consumed within 30 s");
            assertEquals("order-1", received.key());
            assertEquals("hello", received.value());
        }
    }

    @Test
    @Order(2)
    void createsDatabaseWithLogicalReplication() {
        pg.createDatabase("shop", "shop", "shop-pw");
        pg.createDatabase("shop", "shop", "shop-pw"); // idempotent
        // As the new role, over TCP with its password: the role, its password and the database all exist.
        assertEquals("1", pg.psql("shop", "shop", "shop-pw", "select 1"));
        assertEquals("shop", pg.psql("shop", "shop", "shop-pw", "select current_user"));
        assertEquals("t|t", pg.psql("postgres", "select rolreplication, rolcanlogin from pg_roles where rolname = 'shop'"));
        assertEquals("shop", pg.psql("postgres",
                "select pg_get_userbyid(datdba) from pg_database where datname = 'shop'"));
        assertEquals("logical", pg.psql("shop", "show wal_level"));
        assertEquals("off", pg.psql("shop", "show fsync"));
    }

    @Test
    @Order(3)
    void stopsBothAndLeavesNoProcess() {
        ProcessHandle broker = kafka.process();
        ProcessHandle postmaster = pg.pid().orElseThrow();
        assertTrue(broker.isAlive());
        assertTrue(postmaster.isAlive());

        kafka.stop();
        pg.stop();

        assertFalse(broker.isAlive(), "broker process still alive");
        assertFalse(postmaster.isAlive(), "postmaster still alive");
        assertFalse(pg.isRunning());
        assertFalse(ProcessSupport.isPortOpen(kafka.port()));
        assertFalse(ProcessSupport.isPortOpen(pg.port()));
    }
}
