package io.ordercare.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The infrastructure of the local stack: Kafka on 19092 (controller 19093) and PostgreSQL on 15432, with the
 * suite's databases and topics. Driven by {@code deploy/local/suite}:
 *
 * <pre>
 * java -cp 'deploy/stack/target/stack-0.1.0-SNAPSHOT.jar:deploy/stack/target/lib/*' io.ordercare.stack.LocalStack up|down|status &lt;runDir&gt;
 * </pre>
 *
 * <p>Under {@code runDir}: {@code kafka/} and {@code pg/} (data, kept across up/down), {@code logs/},
 * {@code pids/}. The servers outlive this JVM: {@code up} returns once both are ready, {@code down} stops them.
 *
 * <p>Each service's database has a login role of the same name whose password is also the name. That is the
 * documented local default: both servers listen on localhost only.
 */
public final class LocalStack {

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int PG_PORT = 15432;
    /** Local default superuser password of the stack's PostgreSQL (localhost only). */
    public static final String PG_SUPERUSER_PASSWORD = "postgres";
    public static final List<String> DATABASES = List.of("orders", "dialog", "returns", "logistics", "routing");
    public static final List<String> TOPICS = List.of(
            "orders.inbound", "orders.inbound.dlq",
            "inventory.levels", "inventory.levels.dlq",
            "order.changes", "order.changes.dlq",
            "channel.inbound", "channel.inbound.dlq", "channel.outbound",
            "logistics.tracking", "logistics.tracking.dlq", "logistics.alerts", "logistics.return-scans", "logistics.return-scans.dlq",
            "returns.events", "dialog.events", "dialog.events.dlq", "routing.events",
            "dialog-service.order-changes.dlq", "dialog-service.logistics-alerts.dlq");
    public static final int PARTITIONS = 3;

    private final Path runDir;
    private final Path logDir;
    private final Path kafkaPidFile;
    private final Path pgPidFile;

    private LocalStack(Path runDir) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.logDir = this.runDir.resolve("logs");
        this.kafkaPidFile = this.runDir.resolve("pids/kafka.pid");
        this.pgPidFile = this.runDir.resolve("pids/postgres.pid");
    }

    public static void main(String[] args) {
        configureLogging();
        if (args.length != 2 || !List.of("up", "down", "status").contains(args[0])) {
            System.err.println("usage: LocalStack up|down|status <runDir>");
            System.exit(2);
        }
        LocalStack stack = new LocalStack(Path.of(args[1]));
        try {
            int exitCode = switch (args[0]) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                default -> stack.status();
            };
            System.exit(exitCode);
        } catch (RuntimeException e) {
            System.err.println("LocalStack " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Only warnings, on one line each: the launcher prints its own progress, jboss-logging's INFO records would
     * repeat it, and kafka-clients' AdminClient prints its whole configuration at INFO. Set before the first
     * logger exists; -D options on the command line still win.
     */
    private static void configureLogging() {
        System.setProperty("org.jboss.logging.provider",
                System.getProperty("org.jboss.logging.provider", "jdk"));
        System.setProperty("java.util.logging.SimpleFormatter.format",
                System.getProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%6$s%n"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (System.getProperty("java.util.logging.config.file") == null) {
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
    }

    private KafkaBroker kafka() {
        return new KafkaBroker(runDir.resolve("kafka"), logDir, KAFKA_PORT, KAFKA_CONTROLLER_PORT, true);
    }

    private PostgresServer postgres() {
        return new PostgresServer(runDir.resolve("pg"), logDir, PG_PORT, PG_SUPERUSER_PASSWORD, false);
    }

    /** Starts what is not running yet, then makes sure the databases and topics exist. */
    int up() {
        mkdirs(runDir.resolve("pids"));
        mkdirs(logDir);

        KafkaBroker kafka = kafka();
        Optional<ProcessHandle> runningBroker = runningBroker();
        if (runningBroker.isPresent()) {
            System.out.printf("Kafka       already running (pid %d) on %s%n", runningBroker.get().pid(),
                    kafka.bootstrapServers());
        } else {
            if (ProcessSupport.isPortOpen(KAFKA_PORT) || ProcessSupport.isPortOpen(KAFKA_CONTROLLER_PORT)) {
                throw new IllegalStateException("Port " + KAFKA_PORT + " or " + KAFKA_CONTROLLER_PORT
                        + " is taken by a process this stack did not start (no live pid in " + kafkaPidFile + ")");
            }
            long began = System.nanoTime();
            kafka.start();
            writePid(kafkaPidFile, kafka.process().pid());
            System.out.printf("Kafka       started (pid %d) on %s in %.1f s%n", kafka.process().pid(),
                    kafka.bootstrapServers(), (System.nanoTime() - began) / 1e9);
        }

        PostgresServer pg = postgres();
        if (pg.isRunning()) {
            System.out.printf("PostgreSQL  already running (pid %s) on localhost:%d%n", pidText(pg), PG_PORT);
        } else {
            if (ProcessSupport.isPortOpen(PG_PORT)) {
                throw new IllegalStateException("Port " + PG_PORT + " is taken by a process this stack did not start");
            }
            long began = System.nanoTime();
            pg.start();
            System.out.printf("PostgreSQL  started (pid %s) on localhost:%d in %.1f s%n", pidText(pg), PG_PORT,
                    (System.nanoTime() - began) / 1e9);
        }
        pg.pid().ifPresent(p -> writePid(pgPidFile, p.pid()));

        for (String db : DATABASES) {
            pg.createDatabase(db, db, db);
        }
        kafka.createTopics(TOPICS, PARTITIONS);
        System.out.println("Databases   " + String.join(", ", DATABASES)
                + " (each with a role of the same name, password = name)");
        System.out.println("Topics      " + String.join(", ", TOPICS));
        System.out.println("Logs        " + logDir);
        return 0;
    }

    /** Stops Kafka (SIGTERM, SIGKILL after 15 s) and PostgreSQL (pg_ctl -m fast stop). */
    int down() {
        Optional<ProcessHandle> broker = runningBroker();
        if (broker.isPresent()) {
            KafkaBroker.stop(broker.get());
            System.out.printf("Kafka       stopped (pid %d)%n", broker.get().pid());
        } else {
            System.out.println("Kafka       not running");
        }
        deleteQuietly(kafkaPidFile);

        if (Files.exists(runDir.resolve("pg/data/PG_VERSION"))) {
            PostgresServer pg = postgres();
            if (pg.isRunning()) {
                String pid = pidText(pg);
                pg.stop();
                System.out.printf("PostgreSQL  stopped (pid %s)%n", pid);
            } else {
                System.out.println("PostgreSQL  not running");
            }
        } else {
            System.out.println("PostgreSQL  not running (no cluster in " + runDir.resolve("pg/data") + ")");
        }
        deleteQuietly(pgPidFile);
        return 0;
    }

    /** Exit code 0 if both run, 3 (as LSB init scripts do for "not running") otherwise. */
    int status() {
        boolean allUp = true;
        Optional<ProcessHandle> broker = runningBroker();
        if (broker.isPresent()) {
            String answers = ProcessSupport.isPortOpen(KAFKA_PORT) ? "accepting connections" : "NOT answering";
            System.out.printf("Kafka       running (pid %d) on localhost:%d, %s%n", broker.get().pid(), KAFKA_PORT, answers);
            allUp &= ProcessSupport.isPortOpen(KAFKA_PORT);
        } else {
            System.out.println("Kafka       stopped");
            allUp = false;
        }
        boolean pgExists = Files.exists(runDir.resolve("pg/data/PG_VERSION"));
        PostgresServer pg = pgExists ? postgres() : null;
        if (pg != null && pg.isRunning()) {
            String answers = ProcessSupport.isPortOpen(PG_PORT) ? "accepting connections" : "NOT answering";
            System.out.printf("PostgreSQL  running (pid %s) on localhost:%d, %s%n", pidText(pg), PG_PORT, answers);
            allUp &= ProcessSupport.isPortOpen(PG_PORT);
        } else {
            System.out.println("PostgreSQL  stopped");
            allUp = false;
        }
        return allUp ? 0 : 3;
    }

    /** The broker behind the pid file, if it is still that broker (a reused pid is not ours to stop). */
    private Optional<ProcessHandle> runningBroker() {
        return Optional.ofNullable(ProcessSupport.readPidFile(kafkaPidFile))
                .filter(p -> KafkaBroker.isBrokerOf(p, runDir.resolve("kafka")));
    }

    private static String pidText(PostgresServer pg) {
        return pg.pid().map(p -> String.valueOf(p.pid())).orElse("?");
    }

    private static void writePid(Path file, long pid) {
        try {
            Files.writeString(file, pid + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is re-checked against the live process next time
        }
    }
}
