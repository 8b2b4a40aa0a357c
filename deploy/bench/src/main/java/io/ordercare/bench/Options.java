package io.ordercare.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Command-line options; every default is the local stack's (deploy/local/suite). */
final class Options {

    String kafka = "localhost:19092";
    String http = "http://localhost:8081";
    String jdbcUrl = "jdbc:postgresql://localhost:15432/orders";
    String dbUser = "orders";
    String dbPassword = "orders";
    Path templateFile;
    Path out;

    int orders = 20_000;
    int ingestTimeoutSeconds = 300;
    int stallSeconds = 60;
    int drainSeconds = 180;

    int concurrency = 32;
    int warmupSeconds = 5;
    int seconds = 20;
    int openLoopConnections = 256;

    double cdcRate = 1000;
    int cdcSeconds = 20;
    int cdcConnections = 4;
    int cdcGraceSeconds = 30;

    double pgbenchTps = Double.NaN;
    String pgbenchNote = "no --pgbench-tps given";

    /** Which of the measurements 2-5 run; without ingest, the ids are the newest orders in the database. */
    java.util.Set<String> phases = java.util.Set.of("ingest", "closed", "open", "cdc");

    long gatewayPid;
    long kafkaPid;
    long postgresPid;
    long clockTicks = 100;

    static final String USAGE = """
            usage: OrderGatewayBench [--option value]...
              --orders N              orders to ingest (default 20000, at most 200000)
              --concurrency C         closed-loop lookup connections (default 32)
              --warmup S / --duration S   lookup warm-up and measured seconds (default 5 / 20)
              --cdc-rate R / --cdc-duration S   UPDATEs per second and seconds (default 1000 / 20)
              --cdc-connections K     JDBC connections issuing the UPDATEs (default 4)
              --ingest-timeout S      give up waiting for order.created after S s from the first send (default 300)
              --pgbench-tps X         the pgbench -S baseline (sets the open-loop rate and the lookup target)
              --pgbench-note TEXT     why there is no baseline, when there is none
              --kafka HOST:PORT --http URL --jdbc-url URL --db-user U --db-password P
              --template FILE         Taobao payload to vary (default: the bundled copy)
              --gateway-pid P --kafka-pid P --postgres-pid P --clock-ticks T   for the CPU breakdown (Linux /proc)
              --phases LIST           a subset of ingest,closed,open,cdc (default all); without ingest the
                                      newest N orders of the database are used
              --out FILE              write the result table there instead of printing it
            """;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (see --help)");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--kafka" -> o.kafka = v;
                    case "--http" -> o.http = v;
                    case "--jdbc-url" -> o.jdbcUrl = v;
                    case "--db-user" -> o.dbUser = v;
                    case "--db-password" -> o.dbPassword = v;
                    case "--template" -> o.templateFile = Path.of(v);
                    case "--out" -> o.out = Path.of(v);
                    case "--orders" -> o.orders = Integer.parseInt(v);
                    case "--ingest-timeout" -> o.ingestTimeoutSeconds = Integer.parseInt(v);
                    case "--stall" -> o.stallSeconds = Integer.parseInt(v);
                    case "--drain" -> o.drainSeconds = Integer.parseInt(v);
                    case "--concurrency" -> o.concurrency = Integer.parseInt(v);
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(v);
                    case "--duration" -> o.seconds = Integer.parseInt(v);
                    case "--open-loop-connections" -> o.openLoopConnections = Integer.parseInt(v);
                    case "--cdc-rate" -> o.cdcRate = Double.parseDouble(v);
                    case "--cdc-duration" -> o.cdcSeconds = Integer.parseInt(v);
                    case "--cdc-connections" -> o.cdcConnections = Integer.parseInt(v);
                    case "--cdc-grace" -> o.cdcGraceSeconds = Integer.parseInt(v);
                    case "--pgbench-tps" -> o.pgbenchTps = v.isBlank() ? Double.NaN : Double.parseDouble(v);
                    case "--pgbench-note" -> o.pgbenchNote = v;
                    case "--gateway-pid" -> o.gatewayPid = v.isBlank() ? 0 : Long.parseLong(v);
                    case "--kafka-pid" -> o.kafkaPid = v.isBlank() ? 0 : Long.parseLong(v);
                    case "--postgres-pid" -> o.postgresPid = v.isBlank() ? 0 : Long.parseLong(v);
                    case "--clock-ticks" -> o.clockTicks = Long.parseLong(v);
                    case "--phases" -> {
                        o.phases = java.util.Set.of(v.split(","));
                        if (!java.util.Set.of("ingest", "closed", "open", "cdc").containsAll(o.phases)) {
                            throw new IllegalArgumentException("--phases: a comma-separated subset of ingest,closed,open,cdc");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + a + ": not a number: '" + v + "'");
            }
        }
        if (o.orders < 1 || o.orders > 200_000) { // the payloads are prepared in memory before the clock starts
            throw new IllegalArgumentException("--orders must be between 1 and 200000");
        }
        if (o.concurrency < 1 || o.seconds < 1 || o.warmupSeconds < 0 || o.cdcRate <= 0 || o.cdcSeconds < 1
                || o.cdcConnections < 1 || o.openLoopConnections < 1 || o.ingestTimeoutSeconds < 1) {
            throw new IllegalArgumentException("counts, rates and durations must be positive");
        }
        return o;
    }

    String template() throws IOException {
        if (templateFile != null) {
            return Files.readString(templateFile, StandardCharsets.UTF_8);
        }
        try (InputStream in = Options.class.getResourceAsStream("/taobao-order-template.json")) {
            if (in == null) {
                throw new IOException("bundled taobao-order-template.json missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", dbUser);
        p.setProperty("password", dbPassword);
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "120");
        p.setProperty("ApplicationName", "order-gateway-bench");
        return DriverManager.getConnection(jdbcUrl, p);
    }
}
