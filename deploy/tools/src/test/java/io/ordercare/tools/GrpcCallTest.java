package io.ordercare.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs GrpcCall against real grpc-java (Netty) servers on ephemeral ports, with reflection and health. */
class GrpcCallTest {

    private static Server server;
    private static HealthStatusManager health;
    private static String target;

    @BeforeAll
    @SuppressWarnings("deprecation") // ProtoReflectionService is the v1alpha service the tool tries first
    static void startServer() throws Exception {
        health = new HealthStatusManager();
        health.setStatus("ordercare.Draining", ServingStatus.NOT_SERVING);
        server = ServerBuilder.forPort(0)
                .addService(ProtoReflectionService.newInstance())
                .addService(health.getHealthService())
                .build()
                .start();
        target = "localhost:" + server.getPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void listShowsTheHealthService() {
        Result r = run("", target, "list");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.lines().anyMatch("grpc.health.v1.Health"::equals), r.out);
        assertTrue(r.out.lines().anyMatch("grpc.reflection.v1alpha.ServerReflection"::equals), r.out);
    }

    @Test
    void listServiceShowsItsMethods() {
        Result r = run("", target, "list", "grpc.health.v1.Health");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.lines().anyMatch("grpc.health.v1.Health.Check"::equals), r.out);
    }

    @Test
    void describeShowsMethodsWithTheirTypes() {
        Result r = run("", target, "describe", "grpc.health.v1.Health");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("rpc Check(grpc.health.v1.HealthCheckRequest) returns (grpc.health.v1.HealthCheckResponse)"),
                r.out);
        assertTrue(r.out.contains("rpc Watch(grpc.health.v1.HealthCheckRequest) returns (stream grpc.health.v1.HealthCheckResponse)"),
                r.out);

        Result message = run("", target, "describe", "grpc.health.v1.HealthCheckResponse.ServingStatus");
        assertEquals(0, message.code, message.err);
        assertTrue(message.out.contains("SERVING = 1;"), message.out);

        Result request = run("", target, "describe", "grpc.health.v1.HealthCheckRequest");
        assertEquals(0, request.code, request.err);
        assertTrue(request.out.contains("string service = 1;"), request.out);

        Result method = run("", target, "describe", "grpc.health.v1.Health.Check");
        assertEquals(0, method.code, method.err);
        assertTrue(method.out.contains("rpc Check(grpc.health.v1.HealthCheckRequest)"), method.out);

        Result missing = run("", target, "describe", "grpc.health.v1.Nope");
        assertEquals(1, missing.code);
        assertTrue(missing.err.startsWith("ERROR: NOT_FOUND"), missing.err);
    }

    @Test
    void unaryCallPrintsTheResponseAsJson() {
        Result r = run("", target, "grpc.health.v1.Health/Check", "{}");
        assertEquals(0, r.code, r.err);
        assertEquals("{\"status\":\"SERVING\"}", r.out.replaceAll("\\s", ""));

        Result compact = run("", "--compact", target, "grpc.health.v1.Health.Check");
        assertEquals(0, compact.code, compact.err);
        assertEquals("{\"status\":\"SERVING\"}", compact.out.strip());
    }

    @Test
    void requestFromStdinAndFromAFile(@TempDir Path dir) throws Exception {
        Result stdin = run("{\"service\":\"ordercare.Draining\"}", target, "grpc.health.v1.Health/Check", "-d", "-");
        assertEquals(0, stdin.code, stdin.err);
        assertEquals("{\"status\":\"NOT_SERVING\"}", stdin.out.replaceAll("\\s", ""));

        Path file = dir.resolve("request.json");
        Files.writeString(file, "{\"service\": \"ordercare.Draining\"}");
        Result fromFile = run("", "-d", "@" + file, target, "grpc.health.v1.Health/Check");
        assertEquals(0, fromFile.code, fromFile.err);
        assertEquals("{\"status\":\"NOT_SERVING\"}", fromFile.out.replaceAll("\\s", ""));
    }

    @Test
    void nonOkStatusGoesToStderrWithExitOne() {
        Result r = run("", target, "grpc.health.v1.Health/Check", "{\"service\":\"no.such.Service\"}");
        assertEquals(1, r.code);
        assertEquals("", r.out);
        assertTrue(r.err.startsWith("ERROR: NOT_FOUND: "), r.err);
    }

    @Test
    void unknownServiceAndBadJsonFail() {
        Result unknown = run("", target, "no.such.Service/Do", "{}");
        assertEquals(1, unknown.code);
        assertTrue(unknown.err.startsWith("ERROR: NOT_FOUND"), unknown.err);

        Result badJson = run("", target, "grpc.health.v1.Health/Check", "{\"nope\":1}");
        assertEquals(1, badJson.code);
        assertTrue(badJson.err.startsWith("ERROR: INVALID_ARGUMENT"), badJson.err);
    }

    @Test
    void badArgumentsPrintUsageWithExitTwo() {
        for (String[] args : new String[][] {
                {}, {target}, {"list"}, {target, "describe"}, {target, "bogus"}, {"--timeout", "x", target, "list"},
                {target, "a.B/C", "{}", "{}"}, {"--nope", target, "list"}}) {
            Result r = run("", args);
            assertEquals(2, r.code, String.join(" ", args));
            assertTrue(r.err.contains("Usage: grpc-call"), r.err);
        }
        Result help = run("", "--help");
        assertEquals(0, help.code);
        assertTrue(help.out.contains("Usage: grpc-call"));
    }

    @Test
    void fallsBackToReflectionV1() throws Exception {
        Server v1Only = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(new HealthStatusManager().getHealthService())
                .build()
                .start();
        try {
            String v1Target = "localhost:" + v1Only.getPort();
            Result list = run("", v1Target, "list");
            assertEquals(0, list.code, list.err);
            assertTrue(list.out.lines().anyMatch("grpc.health.v1.Health"::equals), list.out);

            Result call = run("", v1Target, "grpc.health.v1.Health/Check", "{}");
            assertEquals(0, call.code, call.err);
            assertEquals("{\"status\":\"SERVING\"}", call.out.replaceAll("\\s", ""));
        } finally {
            v1Only.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void unreachableServerIsUnavailable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = run("", "--timeout", "3", "localhost:" + port, "list");
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith("ERROR: UNAVAILABLE"), r.err);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = GrpcCall.run(args, in, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
