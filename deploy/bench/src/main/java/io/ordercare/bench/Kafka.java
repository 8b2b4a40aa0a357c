package io.ordercare.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Kafka plumbing of the bench: producer, end-of-topic taps, offsets and consumer-group lag. */
final class Kafka implements AutoCloseable {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final Admin admin;

    Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "order-gateway-bench-admin");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        this.admin = Admin.create(p);
    }

    KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "order-gateway-bench-producer");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, String> consumer(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return new KafkaConsumer<>(p);
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, CALL_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on " + bootstrap
                    + " (deploy/local/suite up creates it)");
        }
        List<TopicPartition> tps = new ArrayList<>();
        infos.forEach(i -> tps.add(new TopicPartition(topic, i.partition())));
        return tps;
    }

    interface RecordHandler {
        /** Called on the tap's thread; receivedNanos is System.nanoTime() when poll() returned. */
        void onRecord(ConsumerRecord<String, String> record, long receivedNanos, long receivedEpochMicros);
    }

    /**
     * A consumer of every partition of a topic from its current end, running on its own thread. Returns once
     * the partitions are assigned and the end positions resolved, so nothing produced afterwards is missed.
     */
    Tap tapFromEnd(String topic, String name, RecordHandler handler) throws InterruptedException {
        Tap tap = new Tap(topic, name, handler);
        tap.thread.start();
        if (!tap.ready.await(60, TimeUnit.SECONDS)) {
            tap.close();
            throw new IllegalStateException("consumer of " + topic + " not assigned within 60 s");
        }
        if (tap.failure.get() != null) {
            tap.close();
            throw new IllegalStateException("consumer of " + topic + " failed: " + tap.failure.get(), tap.failure.get());
        }
        return tap;
    }

    final class Tap implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final java.lang.Thread thread;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stop;
        private volatile long records;

        private Tap(String topic, String name, RecordHandler handler) {
            consumer = consumer("order-gateway-bench-" + name);
            thread = new java.lang.Thread(() -> {
                try {
                    List<TopicPartition> tps = partitions(consumer, topic);
                    consumer.assign(tps);
                    consumer.seekToEnd(tps);
                    for (TopicPartition tp : tps) {
                        consumer.position(tp, CALL_TIMEOUT); // resolves the end offset now
                    }
                    ready.countDown();
                    while (!stop) {
                        ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
                        if (batch.isEmpty()) {
                            continue;
                        }
                        long nanos = System.nanoTime();
                        java.time.Instant now = java.time.Instant.now();
                        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
                        for (ConsumerRecord<String, String> r : batch) {
                            handler.onRecord(r, nanos, micros);
                        }
                        records += batch.count();
                    }
                } catch (WakeupException e) {
                    // closing
                } catch (Throwable e) {
                    failure.set(e);
                    System.err.println("bench: consumer of " + topic + " failed: " + e);
                } finally {
                    ready.countDown();
                    try {
                        consumer.close(Duration.ofSeconds(5));
                    } catch (RuntimeException ignored) {
                        // closing anyway
                    }
                }
            }, "tap-" + name);
            thread.setDaemon(true);
        }

        long records() {
            return records;
        }

        Throwable failure() {
            return failure.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            consumer.wakeup();
            thread.join(15_000);
        }
    }

    /** Latest offsets of every partition of a topic. */
    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        var desc = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        desc.partitions().forEach(p -> spec.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r =
                admin.listOffsets(spec).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /**
     * The consumer groups with a live member assigned a partition of the topic, order-gateway's first
     * (its group id is configuration and has changed before, so it is looked up rather than assumed).
     */
    List<String> groupsConsuming(String topic) throws Exception {
        List<String> ids = new ArrayList<>();
        admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)
                .forEach(g -> ids.add(g.groupId()));
        List<String> found = new ArrayList<>();
        if (ids.isEmpty()) {
            return found;
        }
        admin.describeConsumerGroups(ids).all().get(30, TimeUnit.SECONDS).forEach((id, d) -> {
            boolean assigned = d.members().stream().anyMatch(m -> m.assignment().topicPartitions().stream()
                    .anyMatch(tp -> tp.topic().equals(topic)));
            if (assigned) {
                found.add(id);
            }
        });
        found.sort((a, b) -> Boolean.compare(!a.startsWith("order-gateway"), !b.startsWith("order-gateway")));
        return found;
    }

    /** Records of a consumer group not yet committed on a topic (end offset − committed offset, summed). */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

    /** Reads the records between two offset maps (from inclusive, to exclusive) of a topic. */
    List<ConsumerRecord<String, String>> read(String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
            Duration timeout) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long wanted = 0;
        for (Map.Entry<TopicPartition, Long> e : to.entrySet()) {
            wanted += Math.max(0, e.getValue() - from.getOrDefault(e.getKey(), 0L));
        }
        if (wanted == 0) {
            return out;
        }
        try (KafkaConsumer<String, String> c = consumer("order-gateway-bench-reader")) {
            List<TopicPartition> tps = new ArrayList<>(to.keySet());
            c.assign(tps);
            for (TopicPartition tp : tps) {
                c.seek(tp, from.getOrDefault(tp, 0L));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < to.getOrDefault(tp, 0L)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
