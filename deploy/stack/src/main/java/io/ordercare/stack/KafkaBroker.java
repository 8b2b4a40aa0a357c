package io.ordercare.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) in its own JVM, started from the jars
 * that {@code deploy/kafka-dist} copies to {@code target/libs}.
 *
 * <p>Its own JVM, not an in-process broker: an embedded broker would put Scala, Jackson and a second
 * kafka-clients version on the service's classpath. The same broker serves the local stack and the tests.
 *
 * <p>Layout under {@code baseDir}: {@code server.properties}, the two log4j2 configurations and {@code data/}
 * (the log dir, formatted once). The broker's log is {@code <logDir>/kafka.log}, its stdout/stderr
 * {@code <logDir>/kafka.out}.
 */
public final class KafkaBroker {

    /** Logged by KafkaRaftServer once the broker accepts clients. */
    static final String READY_LINE = "Kafka Server started";
    /** Part of the broker's command line; used to recognise the process behind a pid file. */
    static final String MAIN_CLASS = "kafka.Kafka";

    public static final String LIBS_PROPERTY = "ordercare.kafka.libs";
    public static final String LIBS_ENV = "ORDERCARE_KAFKA_LIBS";
    private static final Path LIBS_IN_REPO = Path.of("deploy", "kafka-dist", "target", "libs");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    private final Path baseDir;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Path libs;
    private final boolean detached;
    private volatile ProcessHandle process;
    private volatile Process child;

    /**
     * @param baseDir        configuration and data of this broker; data survives restarts
     * @param logDir         where {@code kafka.log} and {@code kafka.out} go
     * @param port           client (PLAINTEXT) port
     * @param controllerPort KRaft controller port
     * @param detached       run the broker in its own session ({@code setsid}), so it outlives the launcher and
     *                       a Ctrl-C in the launcher's terminal does not reach it (the local stack); tests keep
     *                       it attached
     */
    public KafkaBroker(Path baseDir, Path logDir, int port, int controllerPort, boolean detached) {
        this(baseDir, logDir, port, controllerPort, detached, locateLibs());
    }

    public KafkaBroker(Path baseDir, Path logDir, int port, int controllerPort, boolean detached, Path libs) {
        this.baseDir = baseDir.toAbsolutePath();
        this.dataDir = this.baseDir.resolve("data");
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.detached = detached;
        this.libs = libs.toAbsolutePath();
    }

    /**
     * The broker jars: system property {@value #LIBS_PROPERTY}, else env {@value #LIBS_ENV}, else
     * {@code deploy/kafka-dist/target/libs} in the current directory or one of its parents (tests run with a
     * service module as the current directory).
     */
    public static Path locateLibs() {
        String configured = System.getProperty(LIBS_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(LIBS_ENV);
        }
        if (configured != null && !configured.isBlank()) {
            Path libs = Path.of(configured).toAbsolutePath().normalize();
            if (!containsBrokerJar(libs)) {
                throw new IllegalStateException("No Kafka broker jar (kafka_2.13-*.jar) in " + libs
                        + " (from -D" + LIBS_PROPERTY + " / " + LIBS_ENV + "). Build it: mvn -B -pl deploy/kafka-dist package");
            }
            return libs;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LIBS_IN_REPO);
            if (containsBrokerJar(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: no " + LIBS_IN_REPO + " in "
                + Path.of("").toAbsolutePath() + " or its parents. Build them at the repository root with "
                + "'mvn -B -pl deploy/kafka-dist package', or point -D" + LIBS_PROPERTY + " / " + LIBS_ENV + " at them.");
    }

    private static boolean containsBrokerJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "kafka_2.13-*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The broker process started by {@link #start()}, or null. */
    public ProcessHandle process() {
        return process;
    }

    public Path logFile() {
        return logDir.resolve("kafka.log");
    }

    /** Writes the configuration, formats the storage if it is new, starts the broker and waits until it is ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logDir);
            writeConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + baseDir, e);
        }
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format();
        }
        Path log = logFile();
        long logOffset = sizeOf(log);

        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // The JVM's child is not a process-group leader, so setsid execs in place: the pid stays the broker's.
            command.add("/usr/bin/setsid");
        }
        command.addAll(javaCommand(brokerLog4j(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        command.add(MAIN_CLASS);
        command.add(serverProperties().toString());
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .directory(baseDir.toFile())
                    .redirectInput(ProcessSupport.DEV_NULL)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("kafka.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker: " + command, e);
        }
        child = started;
        process = started.toHandle();
        awaitReady(log, logOffset);
        LOG.infof("Kafka broker (pid %d) ready on %s in %d ms", process.pid(), bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /**
     * Formats the log dir for a new single-voter cluster. The cluster id comes from kafka-clients' {@link Uuid}, the
     * same generator {@code StorageTool random-uuid} prints, which saves one JVM start and cannot pick up a stray
     * log line from the tool's stdout.
     */
    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        // A short-lived tool: the C1 compiler alone starts it faster.
        List<String> command = javaCommand(toolsLog4j(), "-Xmx256m", "-XX:TieredStopAtLevel=1");
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", serverProperties().toString(), "--standalone"));
        ProcessSupport.runOrFail("Formatting the Kafka storage", command, baseDir, Map.of(), TOOL_TIMEOUT);
        LOG.debugf("Formatted %s with cluster id %s", dataDir, clusterId);
    }

    private List<String> javaCommand(Path log4jConfig, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.add("-cp");
        // The java launcher expands the wildcard itself; no shell is involved.
        command.add(libs + "/*");
        return command;
    }

    private Path serverProperties() {
        return baseDir.resolve("server.properties");
    }

    private Path brokerLog4j() {
        return baseDir.resolve("log4j2-broker.xml");
    }

    private Path toolsLog4j() {
        return baseDir.resolve("log4j2-tools.xml");
    }

    /** Rewritten on every start, so a changed setting here reaches an existing data dir. */
    private void writeConfiguration() throws IOException {
        String properties = String.join("\n",
                "# Written by io.ordercare.stack.KafkaBroker on every start; edits here are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "# One node: every internal topic can only have one replica.",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# No waiting for more group members to join: consumers in tests start right away.",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "num.partitions=3",
                "");
        Files.writeString(serverProperties(), properties, StandardCharsets.UTF_8);

        // The broker logs INFO to a file (READY_LINE is awaited there); every line is flushed as written, so
        // log4j's own shutdown hook is not needed (it only warned when the broker logged during shutdown).
        // The tools log WARN to stderr only, so nothing but a tool's real output reaches its stdout.
        Files.writeString(brokerLog4j(), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN" shutdownHook="disable">
                  <Appenders>
                    <File name="file" fileName="%s" append="true">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Root level="INFO">
                      <AppenderRef ref="file"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """.formatted(logFile()), StandardCharsets.UTF_8);
        Files.writeString(toolsLog4j(), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="stderr" target="SYSTEM_ERR">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Root level="WARN">
                      <AppenderRef ref="stderr"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """, StandardCharsets.UTF_8);
    }

    /** Polls the new part of the log for {@link #READY_LINE}; fails early if the broker exits. */
    private void awaitReady(Path log, long offset) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        long position = offset;
        while (true) {
            position = readFrom(log, position, seen);
            if (seen.indexOf(READY_LINE) >= 0) {
                return;
            }
            if (!process.isAlive()) {
                throw startFailure("exited with code " + exitCode(), log);
            }
            if (System.nanoTime() > deadline) {
                ProcessHandle failed = process;
                ProcessSupport.terminate(failed, STOP_GRACE);
                throw startFailure("did not log '" + READY_LINE + "' within " + START_TIMEOUT.toSeconds() + " s", log);
            }
            sleepBriefly();
        }
    }

    private String exitCode() {
        // Only a child of this JVM has an exit code to read; awaitReady runs right after start(), so it is one.
        return child != null && !child.isAlive() ? String.valueOf(child.exitValue()) : "unknown";
    }

    private IllegalStateException startFailure(String what, Path log) {
        return new IllegalStateException("Kafka broker on port " + port + " " + what + ".\n--- last lines of " + log
                + " ---\n" + ProcessSupport.tail(log, 40) + "\n--- last lines of " + logDir.resolve("kafka.out")
                + " ---\n" + ProcessSupport.tail(logDir.resolve("kafka.out"), 20));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long readFrom(Path file, long position, StringBuilder into) {
        if (!Files.exists(file)) {
            return position;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= position) {
                return position;
            }
            byte[] bytes = new byte[(int) Math.min(length - position, 4 * 1024 * 1024)];
            in.seek(position);
            in.readFully(bytes);
            into.append(new String(bytes, StandardCharsets.UTF_8));
            return position + bytes.length;
        } catch (IOException e) {
            return position;
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    /**
     * Creates the topics that do not exist yet (replication factor 1); existing topics are left as they are.
     */
    public void createTopics(List<String> names, int partitions) {
        if (names.isEmpty()) {
            return;
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().distinct().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            if (missing.isEmpty()) {
                return;
            }
            CreateTopicsResult result = admin.createTopics(missing);
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Created meanwhile by someone else (or by auto-creation): that is what we wanted.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            // The controller has them; wait until the broker's metadata (what clients see) has them too.
            Set<String> wanted = new java.util.HashSet<>(missing.stream().map(NewTopic::name).toList());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics " + wanted + " created but not visible within 30 s");
                }
                Thread.sleep(50);
            }
            LOG.debugf("Created topics %s", wanted);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list/create topics on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /** SIGTERM (a clean shutdown takes ~2 s), SIGKILL after 15 s. */
    public synchronized void stop() {
        if (process != null) {
            stop(process);
            process = null;
            child = null;
        }
    }

    /** Stops a broker process, also one started by another JVM (the launcher's {@code down}). */
    public static void stop(ProcessHandle broker) {
        if (ProcessSupport.terminate(broker, STOP_GRACE)) {
            LOG.warnf("Kafka broker (pid %d) did not stop within %d s and was killed", broker.pid(),
                    STOP_GRACE.toSeconds());
        }
    }

    /** True if the process is a broker of this class running with the configuration under {@code baseDir}. */
    public static boolean isBrokerOf(ProcessHandle candidate, Path baseDir) {
        String commandLine = ProcessSupport.commandLine(candidate);
        return candidate.isAlive() && commandLine.contains(MAIN_CLASS)
                && commandLine.contains(baseDir.toAbsolutePath().resolve("server.properties").toString());
    }
}
