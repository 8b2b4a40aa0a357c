package io.ordercare.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Small process, file and port helpers shared by {@link KafkaBroker}, {@link PostgresServer} and the launcher. */
final class ProcessSupport {

    /** Discards a child's standard input, so a process that outlives its launcher never holds a pipe to it. */
    static final File DEV_NULL = new File("/dev/null");

    private ProcessSupport() {
    }

    /** The exit code and the combined stdout/stderr of a finished command. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs a command to completion. Output goes through a temporary file rather than a pipe: a command such as
     * {@code pg_ctl start} leaves a daemon behind, and a pipe inherited by a daemon would never reach end-of-file.
     */
    static Result run(List<String> command, Path workDir, Map<String, String> env, Duration timeout) {
        Path out = null;
        try {
            out = Files.createTempFile("ordercare-cmd", ".out");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectInput(DEV_NULL)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s: "
                        + String.join(" ", command) + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** Like {@link #run} but fails with the command's output unless it exits with 0. */
    static String runOrFail(String what, List<String> command, Path workDir, Map<String, String> env,
            Duration timeout) {
        Result result = run(command, workDir, env, timeout);
        if (!result.ok()) {
            throw new IllegalStateException(what + " failed (exit code " + result.exitCode() + "): "
                    + String.join(" ", command) + "\n" + result.output().strip());
        }
        return result.output();
    }

    /**
     * SIGTERM, then SIGKILL if the process is still there after {@code grace}. Works for processes that are not
     * children of this JVM too (the launcher's {@code down} stops a broker an earlier {@code up} started).
     *
     * @return true if the process had to be killed
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return false;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return true;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last {@code lines} lines of a text file, or a note that it does not exist. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(" + file + " does not exist)";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** True if something accepts TCP connections on localhost:port. */
    static boolean isPortOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code count} distinct ports that were free a moment ago. All sockets are held open until every port is
     * picked, so the same port is never handed out twice.
     */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot matter
                }
            }
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** chown user:user (the group of the same name, as Debian creates it for system users like postgres). */
    static void chown(Path path, String user) {
        try {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(user);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(user);
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not chown " + path + " to " + user, e);
        }
    }

    /** rm -rf, tolerant of a path that does not exist. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    /** Reads a pid file written by the launcher or by PostgreSQL (the pid is on the first line). */
    static ProcessHandle readPidFile(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return null;
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                return null;
            }
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive).orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The command line of a process, as far as the OS tells it (empty if it cannot be read). */
    static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
