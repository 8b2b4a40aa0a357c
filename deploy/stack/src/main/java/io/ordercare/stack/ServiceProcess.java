package io.ordercare.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Another service of the suite, started from its built {@code quarkus-run.jar} as a separate process against
 * the test stack, so a test can cross a real service boundary (e.g. logistics-watcher calling order-gateway
 * over gRPC) without any fake. The jar comes from the reactor build: the module must be built before the tests
 * that need it (the root pom lists modules in that order).
 */
public final class ServiceProcess {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Starts {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar} with the stack's Kafka and the given
     * database, on a free port, and waits until it reports ready. Logs go to {@code logDir/<module>.log}.
     */
    static ServiceProcess start(String module, String bootstrapServers, int pgPort, String database, Path logDir,
            Map<String, String> extraConfig) {
        // A copy of the build: a rebuild of the module while the tests run (another build on the machine)
        // replaces the jars under target/, and a JVM whose jars vanish hangs.
        Path jar = copyOfBuild(locateJar(module), logDir.getParent().resolve("apps").resolve(module));
        int port = ProcessSupport.freePorts(1)[0];
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dordercare.db.host=localhost",
                "-Dordercare.db.port=" + pgPort,
                "-Dordercare.db.name=" + database,
                "-Dordercare.db.username=" + database,
                "-Dordercare.db.password=" + database));
        extraConfig.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + ".log");
            Process process = new ProcessBuilder(command).directory(jar.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess service = new ServiceProcess(module, port, process);
            service.awaitReady(log);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
                        + ProcessSupport.tail(log, 40));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    LOG.infof("%s ready on port %d", name, port);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        stop();
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + ":\n" + ProcessSupport.tail(log, 40));
    }

    void stop() {
        ProcessSupport.terminate(process.toHandle(), Duration.ofSeconds(15));
    }

    /** Copies the Quarkus application directory of {@code jar} to {@code target}; returns the copy's jar. */
    private static Path copyOfBuild(Path jar, Path target) {
        Path source = jar.getParent();
        try {
            ProcessSupport.deleteRecursively(target);
            try (var files = Files.walk(source)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
        return target.resolve(jar.getFileName().toString());
    }

    /** The module's runnable jar, found from the module under test (its sibling in the repository). */
    private static Path locateJar(String module) {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path jar = dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException(module + "/target/quarkus-app/quarkus-run.jar not found: build " + module
                + " first (mvn -pl " + module + " -am package -DskipTests)");
    }
}
