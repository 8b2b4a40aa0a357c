package io.ordercare.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real Kafka and real PostgreSQL for {@code @QuarkusTest}s, no container engine needed:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = RealStackTestResource.class, initArgs = {
 *         &#64;ResourceArg(name = "database", value = "orders"),
 *         &#64;ResourceArg(name = "topics", value = "orders.inbound,orders.inbound.dlq,order.changes") })
 * </pre>
 *
 * <p>Both servers start once per test JVM (Quarkus calls {@link #start()} again for every test profile; the same
 * servers are reused), on free ports, in a fresh {@code target/test-stack} under the current directory (the
 * module), with fsync off. A JVM shutdown hook stops them. Deleting the folder first means no replication slot
 * or offset of an earlier run survives.
 *
 * <p>Configuration handed to the application: {@code kafka.bootstrap.servers}, {@code ordercare.db.host},
 * {@code ordercare.db.port}, {@code ordercare.db.name}, {@code ordercare.db.username},
 * {@code ordercare.db.password} (name, user and password are all the {@code database} argument) and
 * {@code quarkus.devservices.enabled=false}.
 *
 * <p>One test JVM per module at a time: two JVMs (surefire forkCount &gt; 1) would share the folder.
 */
public class RealStackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String TOPICS_ARG = "topics";
    /**
     * Other services to run beside the application under test, as {@code module:database} pairs separated by
     * commas (e.g. {@code order-gateway:orders}), started in that order. Each is reachable on the port handed to
     * the application as {@code ordercare.test.<module>.port}. A third part wires a service's gRPC clients to
     * services started before it: {@code returns-service:returns:orders=order-gateway} points its client
     * {@code orders} at the order-gateway started here ({@code ;} separates several clients).
     */
    public static final String SERVICES_ARG = "services";
    public static final String DEFAULT_DATABASE = "app";
    public static final int PARTITIONS = 3;
    private static final String SUPERUSER_PASSWORD = "postgres";
    private static final Logger LOG = Logger.getLogger(RealStackTestResource.class);

    /** The servers of this JVM, started by the first {@link #start()}. Guarded by the class lock. */
    private static Servers servers;

    private String database = DEFAULT_DATABASE;
    private List<String> topics = List.of();
    private List<String> services = List.of();
    /** The services started so far, by module; they live as long as the servers. Guarded by the class lock. */
    private static final Map<String, ServiceProcess> RUNNING = new java.util.LinkedHashMap<>();

    private record Servers(KafkaBroker kafka, PostgresServer pg) {
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE).strip();
        topics = Arrays.stream(initArgs.getOrDefault(TOPICS_ARG, "").split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        services = Arrays.stream(initArgs.getOrDefault(SERVICES_ARG, "").split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    @Override
    public Map<String, String> start() {
        Servers s = ensureStarted();
        // Both are idempotent, so another profile or another resource with other arguments just adds its own.
        s.pg().createDatabase(database, database, database);
        s.kafka().createTopics(topics, PARTITIONS);
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "kafka.bootstrap.servers", s.kafka().bootstrapServers(),
                "ordercare.db.host", "localhost",
                "ordercare.db.port", String.valueOf(s.pg().port()),
                "ordercare.db.name", database,
                "ordercare.db.username", database,
                "ordercare.db.password", database,
                "quarkus.devservices.enabled", "false"));
        for (String service : services) {
            ServiceProcess p = ensureService(s, service);
            config.put("ordercare.test." + p.name() + ".port", String.valueOf(p.port()));
        }
        return config;
    }

    private static synchronized ServiceProcess ensureService(Servers s, String spec) {
        String[] parts = spec.split(":", 3);
        String module = parts[0].strip();
        String db = parts.length > 1 ? parts[1].strip() : DEFAULT_DATABASE;
        ServiceProcess running = RUNNING.get(module);
        if (running == null) {
            Map<String, String> clients = new LinkedHashMap<>();
            if (parts.length > 2) {
                for (String wiring : parts[2].split(";")) {
                    String[] kv = wiring.split("=", 2);
                    ServiceProcess target = kv.length == 2 ? RUNNING.get(kv[1].strip()) : null;
                    if (target == null) {
                        throw new IllegalArgumentException("service spec " + spec + ": " + wiring
                                + " does not name a service started before it");
                    }
                    clients.put("quarkus.grpc.clients." + kv[0].strip() + ".host", "localhost");
                    clients.put("quarkus.grpc.clients." + kv[0].strip() + ".port", String.valueOf(target.port()));
                }
            }
            s.pg().createDatabase(db, db, db);
            Path dir = Path.of("").toAbsolutePath().resolve("target/test-stack");
            running = ServiceProcess.start(module, s.kafka().bootstrapServers(), s.pg().port(), db,
                    dir.resolve("logs"), clients);
            RUNNING.put(module, running);
            // so that a later run can stop it if this JVM is killed before its shutdown hook runs
            try {
                Files.writeString(Files.createDirectories(dir.resolve("pids")).resolve("service-" + module + ".pid"),
                        running.pid() + "\n");
            } catch (IOException e) {
                LOG.warnf("Could not write the pid of %s: %s", module, e.getMessage());
            }
        }
        return running;
    }

    /** Nothing: the servers outlive one Quarkus application so the next profile reuses them; the shutdown hook stops them. */
    @Override
    public void stop() {
    }

    /** {@code localhost:<port>} of the test broker (starts the servers if no test has yet). */
    public static String bootstrapServers() {
        return ensureStarted().kafka().bootstrapServers();
    }

    /** The test PostgreSQL's port. */
    public static int pgPort() {
        return ensureStarted().pg().port();
    }

    /** Runs SQL as the superuser in {@code database}; returns the rows, one a line, columns separated by '|'. */
    public static String psql(String database, String sql) {
        return ensureStarted().pg().psql(database, sql);
    }

    private static synchronized Servers ensureStarted() {
        if (servers == null) {
            servers = startServers(Path.of("").toAbsolutePath().resolve("target/test-stack"));
        }
        return servers;
    }

    private static Servers startServers(Path dir) {
        long began = System.nanoTime();
        stopLeftovers(dir);
        ProcessSupport.deleteRecursively(dir);

        int[] ports = ProcessSupport.freePorts(3);
        Path logs = dir.resolve("logs");
        KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), logs, ports[0], ports[1], false);
        PostgresServer pg = new PostgresServer(dir.resolve("pg"), logs, ports[2], SUPERUSER_PASSWORD, true);

        // The two start side by side: the broker's JVM start dominates, initdb fits into it.
        CompletableFuture<Void> pgStarted = CompletableFuture.runAsync(pg::start);
        try {
            kafka.start();
        } catch (RuntimeException e) {
            pgStarted.whenComplete((ignored, failure) -> pg.stop());
            throw e;
        }
        try {
            pgStarted.join();
        } catch (CompletionException e) {
            kafka.stop();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        writePid(dir, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RealStackTestResource.class) {
                RUNNING.values().forEach(ServiceProcess::stop);
            }
            // Side by side again: the broker's clean shutdown takes about 2 s, PostgreSQL's well under one.
            CompletableFuture<Void> pgStopped = CompletableFuture.runAsync(pg::stop);
            kafka.stop();
            pgStopped.join();
        }, "ordercare-test-stack-stop"));
        LOG.infof("Test stack up in %d ms: Kafka on %s, PostgreSQL on localhost:%d (folder %s)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), kafka.bootstrapServers(), pg.port(), dir);
        return new Servers(kafka, pg);
    }

    /**
     * The broker's pid, so a later run can stop what a killed test JVM (no shutdown hook ran) left behind.
     * PostgreSQL keeps its own in data/postmaster.pid.
     */
    private static void writePid(Path dir, KafkaBroker kafka) {
        try {
            Path pids = Files.createDirectories(dir.resolve("pids"));
            Files.writeString(pids.resolve("kafka.pid"), kafka.process().pid() + "\n");
        } catch (IOException e) {
            LOG.warnf("Could not write %s/pids: %s", dir, e.getMessage());
        }
    }

    /**
     * Stops a broker and a PostgreSQL of an earlier test JVM that was killed before its shutdown hook ran; they
     * would otherwise keep running, and hold files of the folder about to be deleted.
     */
    private static void stopLeftovers(Path dir) {
        try (var pidFiles = Files.exists(dir.resolve("pids")) ? Files.list(dir.resolve("pids")) : java.util.stream.Stream.<Path>empty()) {
            pidFiles.filter(f -> f.getFileName().toString().startsWith("service-")).forEach(f -> {
                ProcessHandle service = ProcessSupport.readPidFile(f);
                if (service != null && ProcessSupport.commandLine(service).contains("quarkus-run.jar")) {
                    LOG.infof("Stopping %s left by an earlier test run (pid %d)", f.getFileName(), service.pid());
                    ProcessSupport.terminate(service, Duration.ofSeconds(15));
                }
            });
        } catch (IOException e) {
            LOG.warnf("Could not look for services left by an earlier test run: %s", e.getMessage());
        }
        ProcessHandle broker = ProcessSupport.readPidFile(dir.resolve("pids/kafka.pid"));
        if (broker != null && KafkaBroker.isBrokerOf(broker, dir.resolve("kafka"))) {
            LOG.infof("Stopping a Kafka broker left by an earlier test run (pid %d)", broker.pid());
            KafkaBroker.stop(broker);
        }
        if (Files.exists(dir.resolve("pg/data/postmaster.pid"))) {
            PostgresServer old = new PostgresServer(dir.resolve("pg"), dir.resolve("logs"), 0, SUPERUSER_PASSWORD, true);
            if (old.isRunning()) {
                LOG.infof("Stopping a PostgreSQL left by an earlier test run");
                old.stop();
            }
        }
    }
}
