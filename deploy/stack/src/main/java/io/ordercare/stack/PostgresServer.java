package io.ordercare.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server (the machine's server binaries) with logical replication on, as Debezium needs it.
 *
 * <p>Layout: {@code baseDir/data} is the cluster (created by initdb when new), the server log is
 * {@code <logDir>/postgresql.log}. PostgreSQL refuses to run as root: as root every server command goes through
 * {@code runuser -u postgres --}, and every directory the server writes is owned by {@code postgres}.
 *
 * <p>SQL is run with the {@code psql} binary over TCP with the superuser's password, so no JDBC driver is needed.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";
    public static final String BIN_PROPERTY = "ordercare.pg.bin";
    public static final String BIN_ENV = "ORDERCARE_PG_BIN";
    /** The OS user the server runs as when this JVM runs as root (created by Debian's postgresql package). */
    private static final String OS_USER = "postgres";
    /** sun_path is 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    private final Path baseDir;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private final String superuserPassword;
    private final boolean unsafeFast;
    private final Path bin;
    private final boolean asRoot = ProcessSupport.runningAsRoot();

    /**
     * @param baseDir           holds the cluster in {@code data/}; kept across restarts
     * @param logDir            where {@code postgresql.log} goes
     * @param port              TCP port on localhost
     * @param superuserPassword password of {@code postgres}, set by initdb and used by {@link #psql}
     * @param unsafeFast        fsync, synchronous_commit and full_page_writes off: only for throw-away test
     *                          clusters, where a crash may lose data that nobody needs again
     */
    public PostgresServer(Path baseDir, Path logDir, int port, String superuserPassword, boolean unsafeFast) {
        this.baseDir = baseDir.toAbsolutePath();
        this.dataDir = this.baseDir.resolve("data");
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.unsafeFast = unsafeFast;
        this.bin = locateBinaries();
    }

    /**
     * The server binaries: system property {@value #BIN_PROPERTY}, else env {@value #BIN_ENV}, else the newest
     * {@code /usr/lib/postgresql/<version>/bin} (Debian's layout).
     */
    public static Path locateBinaries() {
        String configured = System.getProperty(BIN_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(BIN_ENV);
        }
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isExecutable(dir.resolve("initdb"))) {
                throw new IllegalStateException("No initdb in " + dir + " (from -D" + BIN_PROPERTY + " / " + BIN_ENV + ")");
            }
            return dir;
        }
        List<Path> candidates = new ArrayList<>();
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
                for (Path version : versions) {
                    if (version.getFileName().toString().matches("\\d+")
                            && Files.isExecutable(version.resolve("bin/initdb"))) {
                        candidates.add(version.resolve("bin"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list " + root, e);
            }
        }
        return candidates.stream()
                .max(Comparator.comparingInt(p -> Integer.parseInt(p.getParent().getFileName().toString())))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries not found (no "
                        + "/usr/lib/postgresql/*/bin/initdb). Install them: apt-get update && apt-get install -y "
                        + "postgresql (or set -D" + BIN_PROPERTY + " / " + BIN_ENV + " to a directory with initdb, "
                        + "pg_ctl and psql)."));
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logDir.resolve("postgresql.log");
    }

    /** A JDBC URL for a database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the cluster if it is new, writes the settings and starts the server; returns once it accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        try {
            prepareDirectories();
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            }
            writeConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the PostgreSQL cluster in " + dataDir, e);
        }
        ProcessSupport.Result result = ProcessSupport.run(asServerUser(List.of(bin.resolve("pg_ctl").toString(),
                "-D", dataDir.toString(), "-l", logFile().toString(), "-w", "-t", "60", "start")),
                baseDir, Map.of(), COMMAND_TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " (pg_ctl exit code "
                    + result.exitCode() + "):\n" + result.output().strip() + "\n--- last lines of " + logFile()
                    + " ---\n" + ProcessSupport.tail(logFile(), 30));
        }
        LOG.infof("PostgreSQL (pid %s) ready on localhost:%d in %d ms", pid().map(p -> String.valueOf(p.pid()))
                .orElse("?"), port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private void prepareDirectories() throws IOException {
        Files.createDirectories(baseDir);
        Files.createDirectories(logDir);
        if (!Files.exists(dataDir)) {
            Files.createDirectory(dataDir);
        }
        // initdb and the server insist on a data dir only its owner can read.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        if (asRoot) {
            requireTraversableByServerUser(baseDir.getParent());
            ProcessSupport.chown(baseDir, OS_USER);
            ProcessSupport.chown(dataDir, OS_USER);
            ProcessSupport.chown(logDir, OS_USER);
            if (Files.exists(logFile())) {
                ProcessSupport.chown(logFile(), OS_USER);
            }
        }
    }

    /**
     * The server user must be able to walk down to its directories. Fails with a clear message instead of a
     * permission error deep in initdb (e.g. a checkout under a 700 home directory, or a umask of 077).
     */
    private static void requireTraversableByServerUser(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as the OS user '" + OS_USER + "', which cannot enter "
                        + p + " (no x permission for others). Run 'chmod o+x " + p + "' or use a data dir elsewhere.");
            }
        }
    }

    private void initdb() throws IOException {
        // The password travels in a file only the server user can read, never on a command line.
        Path pwfile = baseDir.resolve("superuser.pw");
        Files.writeString(pwfile, superuserPassword + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        if (asRoot) {
            ProcessSupport.chown(pwfile, OS_USER);
        }
        try {
            ProcessSupport.runOrFail("initdb", asServerUser(List.of(bin.resolve("initdb").toString(),
                    "-D", dataDir.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")),
                    baseDir, Map.of(), COMMAND_TIMEOUT);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * The settings live in {@code ordercare.conf}, included once from postgresql.conf and rewritten on every start,
     * so the cluster's own file stays as initdb wrote it.
     */
    private void writeConfiguration() throws IOException {
        String socketDir = socketDirectory();
        List<String> lines = new ArrayList<>(List.of(
                "# Written by io.ordercare.stack.PostgresServer on every start; edits here are overwritten.",
                "port = " + port,
                "listen_addresses = 'localhost'",
                "unix_socket_directories = '" + socketDir + "'",
                "# Debezium streams committed changes through a logical replication slot per engine.",
                "wal_level = logical",
                "max_replication_slots = 20",
                "max_wal_senders = 20",
                "max_connections = 200",
                "shared_buffers = 128MB"));
        if (unsafeFast) {
            lines.add("# Throw-away test cluster: durability traded for speed.");
            lines.add("fsync = off");
            lines.add("synchronous_commit = off");
            lines.add("full_page_writes = off");
        }
        Path conf = dataDir.resolve("ordercare.conf");
        Files.writeString(conf, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path main = dataDir.resolve("postgresql.conf");
        String include = "include 'ordercare.conf'";
        if (!Files.readString(main, StandardCharsets.UTF_8).contains(include)) {
            Files.writeString(main, "\n" + include + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
        if (asRoot) {
            ProcessSupport.chown(conf, OS_USER);
        }
    }

    /**
     * The data dir doubles as the socket dir (owned by the server user already) when the socket path fits into
     * sun_path; a long path (deep build directories) means TCP only.
     */
    private String socketDirectory() {
        String socketPath = dataDir + "/.s.PGSQL." + port;
        return socketPath.length() <= MAX_SOCKET_PATH ? dataDir.toString() : "";
    }

    /** True if a server runs on this data dir ({@code pg_ctl status}). */
    public boolean isRunning() {
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            return false;
        }
        return ProcessSupport.run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "status")), baseDir, Map.of(), COMMAND_TIMEOUT).ok();
    }

    /** The postmaster, from the first line of postmaster.pid, if it runs. */
    public Optional<ProcessHandle> pid() {
        return Optional.ofNullable(ProcessSupport.readPidFile(dataDir.resolve("postmaster.pid")));
    }

    /** {@code pg_ctl -m fast stop}: disconnects clients, rolls back open transactions, shuts down cleanly. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        Optional<ProcessHandle> postmaster = pid();
        ProcessSupport.runOrFail("pg_ctl stop", asServerUser(List.of(bin.resolve("pg_ctl").toString(),
                "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop")), baseDir, Map.of(), COMMAND_TIMEOUT);
        // pg_ctl returns when postmaster.pid is gone; make sure the process itself is too.
        postmaster.ifPresent(p -> ProcessSupport.awaitExit(p, Duration.ofSeconds(10)));
    }

    /**
     * Creates (or updates) the login role with REPLICATION (Debezium's connection needs it) and the database it
     * owns (Debezium needs the tables' owner). Idempotent.
     */
    public void createDatabase(String database, String user, String password) {
        requireIdentifier(database);
        requireIdentifier(user);
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        if (password.contains("$ordercare$")) {
            throw new IllegalArgumentException("The password may not contain $ordercare$");
        }
        psql("postgres", """
                DO $ordercare$
                BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN REPLICATION PASSWORD %2$s;
                  ELSE
                    ALTER ROLE %1$s LOGIN REPLICATION PASSWORD %2$s;
                  END IF;
                END
                $ordercare$""".formatted(user, quotedPassword));
        // CREATE DATABASE cannot run inside a DO block (it may not run in a transaction).
        if (!"1".equals(psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'"))) {
            psql("postgres", "CREATE DATABASE " + database + " OWNER " + user);
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
        }
    }

    /** Runs SQL as the superuser in {@code database}; returns psql's unaligned, tuples-only output, trimmed. */
    public String psql(String database, String sql) {
        return psql(database, SUPERUSER, superuserPassword, sql);
    }

    /** Runs SQL as {@code user} in {@code database}; returns psql's unaligned, tuples-only output, trimmed. */
    public String psql(String database, String user, String password, String sql) {
        Map<String, String> env = new HashMap<>();
        env.put("PGPASSWORD", password);
        env.put("PGCONNECT_TIMEOUT", "10");
        // -X: no ~/.psqlrc; -A -t: bare values, one row a line; ON_ERROR_STOP: a failing statement fails psql.
        List<String> command = List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", String.valueOf(port), "-U", user,
                "-d", database, "-c", sql);
        return ProcessSupport.runOrFail("psql", command, null, env, COMMAND_TIMEOUT).strip();
    }

    private List<String> asServerUser(List<String> command) {
        if (!asRoot) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
