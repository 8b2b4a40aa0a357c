package io.ordercare.tools;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small grpcurl-like client: lists, describes and calls the services of any gRPC server that offers
 * server reflection, over plaintext HTTP/2 (how the suite serves gRPC on its HTTP ports).
 *
 * <pre>
 *   grpc-call HOST:PORT list
 *   grpc-call HOST:PORT describe SERVICE
 *   grpc-call HOST:PORT SERVICE/METHOD '{"json":"request"}'
 * </pre>
 *
 * Run {@code deploy/local/grpc-call --help} for every option. {@link #run} is the testable entry point:
 * it takes the streams and returns the exit code (0 ok, 1 the call or reflection failed, 2 bad arguments).
 */
public final class GrpcCall {

    static final String USAGE = String.join("\n",
            "Usage: grpc-call [options] HOST:PORT list [SERVICE]",
            "       grpc-call [options] HOST:PORT describe SYMBOL",
            "       grpc-call [options] HOST:PORT SERVICE/METHOD ['<json request>']",
            "",
            "Calls a gRPC server over plaintext HTTP/2. Services and message types are discovered through",
            "server reflection (grpc.reflection.v1alpha, falling back to grpc.reflection.v1).",
            "",
            "Commands:",
            "  list                  the services of the server, one per line",
            "  list SERVICE          the methods of SERVICE, one per line",
            "  describe SYMBOL       a service with its methods and request/response types (or a method,",
            "                        message or enum)",
            "  SERVICE/METHOD [JSON] call a unary (or server-streaming) method. The request is proto3 JSON",
            "                        (lowerCamel or original field names; '{}' when omitted); the response is",
            "                        printed as JSON with lowerCamel names. SERVICE.METHOD works too.",
            "",
            "Options:",
            "  -d, --data DATA       the request: JSON text, @FILE to read it from a file, - to read stdin",
            "  -H, --header 'NAME: VALUE'",
            "                        add a request header (repeatable; a NAME ending in -bin takes base64)",
            "  --timeout SECONDS     deadline for the whole command, reflection included (default 10)",
            "  --compact             print the response JSON on one line",
            "  --emit-defaults       also print fields that hold their default value",
            "  -h, --help            this text",
            "",
            "Exit status: 0 ok; 1 the call or reflection failed (stderr: ERROR: <code>: <description>);",
            "2 bad arguments.",
            "",
            "Examples:",
            "  grpc-call localhost:8081 list",
            "  grpc-call localhost:8081 describe ordercare.order.v1.OrderService",
            "  grpc-call localhost:8081 ordercare.order.v1.OrderService/GetOrder '{\"orderId\":\"OC10000006\"}'",
            "  echo '{\"orderId\":\"OC10000006\"}' | grpc-call -d - localhost:8081 ordercare.order.v1.OrderService/GetOrder",
            "");

    private static final double DEFAULT_TIMEOUT_SECONDS = 10;
    private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    private GrpcCall() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs one command; never calls System.exit. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("grpc-call: " + e.getMessage());
            err.println();
            err.print(USAGE);
            err.flush();
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            out.flush();
            return 0;
        }

        ManagedChannel managed = Grpc.newChannelBuilderForAddress(options.host, options.port,
                        InsecureChannelCredentials.create())
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .userAgent("grpc-call")
                .build();
        Channel channel = options.headers.keys().isEmpty()
                ? managed
                : ClientInterceptors.intercept(managed, MetadataUtils.newAttachHeadersInterceptor(options.headers));
        Deadline deadline = Deadline.after(Math.round(options.timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        try {
            Reflection reflection = new Reflection(channel, deadline);
            switch (options.command) {
                case "list" -> list(reflection, options.symbol, out);
                case "describe" -> describe(reflection, options.symbol, out);
                default -> invoke(reflection, channel, deadline, options, stdin, out);
            }
            out.flush();
            return 0;
        } catch (StatusRuntimeException e) {
            out.flush();
            err.println("ERROR: " + describeStatus(e.getStatus()));
            err.flush();
            return 1;
        } catch (ToolException e) {
            out.flush();
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            managed.shutdownNow();
            try {
                managed.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- commands

    private static void list(Reflection reflection, String service, PrintStream out) {
        if (service == null) {
            reflection.listServices().stream().sorted().forEach(out::println);
            return;
        }
        ServiceDescriptor svc = new Descriptors(reflection).service(service);
        for (MethodDescriptor m : svc.getMethods()) {
            out.println(svc.getFullName() + "." + m.getName());
        }
    }

    private static void describe(Reflection reflection, String symbol, PrintStream out) {
        Descriptors descriptors = new Descriptors(reflection);
        descriptors.load(symbol);
        Object found = descriptors.find(symbol);
        if (found instanceof ServiceDescriptor svc) {
            out.println(svc.getFullName() + " is a service (" + svc.getFile().getName() + "):");
            for (MethodDescriptor m : svc.getMethods()) {
                out.println("  " + rpc(m));
            }
        } else if (found instanceof MethodDescriptor m) {
            out.println(m.getFullName() + " is a method:");
            out.println("  " + rpc(m));
        } else if (found instanceof Descriptor msg) {
            out.println(msg.getFullName() + " is a message (" + msg.getFile().getName() + "):");
            for (FieldDescriptor f : msg.getFields()) {
                String oneof = f.getRealContainingOneof() != null
                        ? "  (oneof " + f.getRealContainingOneof().getName() + ")" : "";
                out.println("  " + fieldType(f) + " " + f.getName() + " = " + f.getNumber() + ";"
                        + "  // json: " + f.getJsonName() + oneof);
            }
        } else if (found instanceof EnumDescriptor en) {
            out.println(en.getFullName() + " is an enum (" + en.getFile().getName() + "):");
            for (EnumValueDescriptor v : en.getValues()) {
                out.println("  " + v.getName() + " = " + v.getNumber() + ";");
            }
        } else {
            throw new ToolException("NOT_FOUND: " + symbol + " is not a service, method, message or enum");
        }
    }

    private static String rpc(MethodDescriptor m) {
        return "rpc " + m.getName()
                + "(" + (m.isClientStreaming() ? "stream " : "") + m.getInputType().getFullName() + ")"
                + " returns (" + (m.isServerStreaming() ? "stream " : "") + m.getOutputType().getFullName() + ")";
    }

    private static void invoke(Reflection reflection, Channel channel, Deadline deadline, Options options,
            InputStream stdin, PrintStream out) {
        Descriptors descriptors = new Descriptors(reflection);
        ServiceDescriptor svc = descriptors.service(options.service);
        MethodDescriptor method = svc.findMethodByName(options.method);
        if (method == null) {
            throw new ToolException("NOT_FOUND: service " + svc.getFullName() + " has no method " + options.method);
        }
        if (method.isClientStreaming()) {
            throw new ToolException("UNIMPLEMENTED: " + svc.getFullName() + "/" + method.getName()
                    + " is client- or bidi-streaming; grpc-call only calls unary and server-streaming methods");
        }

        JsonFormat.TypeRegistry types = descriptors.typeRegistry();
        String json = readRequest(options.data, stdin);
        DynamicMessage.Builder request = DynamicMessage.newBuilder(method.getInputType());
        try {
            if (!json.isBlank()) {
                JsonFormat.parser().usingTypeRegistry(types).merge(json, request);
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new ToolException("INVALID_ARGUMENT: request is not valid JSON for "
                    + method.getInputType().getFullName() + ": " + e.getMessage());
        }

        JsonFormat.Printer printer = JsonFormat.printer().usingTypeRegistry(types);
        if (options.compact) {
            printer = printer.omittingInsignificantWhitespace();
        }
        if (options.emitDefaults) {
            printer = printer.alwaysPrintFieldsWithNoPresence();
        }

        io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod =
                io.grpc.MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                        .setType(method.isServerStreaming()
                                ? io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING
                                : io.grpc.MethodDescriptor.MethodType.UNARY)
                        .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(
                                svc.getFullName(), method.getName()))
                        .setRequestMarshaller(new DynamicMarshaller(method.getInputType()))
                        .setResponseMarshaller(new DynamicMarshaller(method.getOutputType()))
                        .build();
        CallOptions callOptions = CallOptions.DEFAULT.withDeadline(deadline);
        if (method.isServerStreaming()) {
            Iterator<DynamicMessage> responses =
                    ClientCalls.blockingServerStreamingCall(channel, grpcMethod, callOptions, request.build());
            while (responses.hasNext()) {
                out.println(print(printer, responses.next()));
                out.flush();
            }
        } else {
            out.println(print(printer, ClientCalls.blockingUnaryCall(channel, grpcMethod, callOptions, request.build())));
        }
    }

    private static String print(JsonFormat.Printer printer, DynamicMessage message) {
        try {
            return printer.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new ToolException("INTERNAL: cannot print the response as JSON: " + e.getMessage());
        }
    }

    private static String readRequest(String data, InputStream stdin) {
        if (data == null) {
            return "{}";
        }
        try {
            if (data.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (data.startsWith("@")) {
                return Files.readString(Path.of(data.substring(1)), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ToolException("INVALID_ARGUMENT: cannot read the request from " + (data.equals("-") ? "stdin" : data.substring(1))
                    + ": " + e);
        }
        return data;
    }

    private static String fieldType(FieldDescriptor f) {
        if (f.isMapField()) {
            Descriptor entry = f.getMessageType();
            return "map<" + scalarOrName(entry.findFieldByNumber(1)) + ", " + scalarOrName(entry.findFieldByNumber(2)) + ">";
        }
        String label = f.isRepeated() ? "repeated " : (f.hasPresence() && f.getRealContainingOneof() == null
                && f.getJavaType() != FieldDescriptor.JavaType.MESSAGE ? "optional " : "");
        return label + scalarOrName(f);
    }

    private static String scalarOrName(FieldDescriptor f) {
        return switch (f.getJavaType()) {
            case MESSAGE -> f.getMessageType().getFullName();
            case ENUM -> f.getEnumType().getFullName();
            default -> f.getType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String describeStatus(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().name());
        String description = status.getDescription();
        Throwable cause = status.getCause();
        String causeText = cause == null ? null : (cause.getMessage() != null ? cause.getMessage() : cause.toString());
        if (description != null && !description.isEmpty()) {
            text.append(": ").append(description);
            if (causeText != null && !description.contains(causeText)) {
                text.append(" (").append(causeText).append(')');
            }
        } else if (causeText != null) {
            text.append(": ").append(causeText);
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------- reflection

    /**
     * Server reflection client. The v1alpha and v1 protocols are the same messages under two service names
     * (v1 is a verbatim copy), so the v1 message classes are used for both: v1alpha first, v1 when the
     * server answers UNIMPLEMENTED. Each request runs on its own short bidi stream.
     */
    static final class Reflection {
        private static final String METHOD_NAME = "ServerReflectionInfo";
        static final io.grpc.MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> V1 =
                ServerReflectionGrpc.getServerReflectionInfoMethod();
        static final io.grpc.MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> V1ALPHA =
                V1.toBuilder()
                        .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(
                                io.grpc.reflection.v1alpha.ServerReflectionGrpc.SERVICE_NAME, METHOD_NAME))
                        .setSchemaDescriptor(null)
                        .build();

        private final Channel channel;
        private final Deadline deadline;
        private io.grpc.MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> method;

        Reflection(Channel channel, Deadline deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }

        List<String> listServices() {
            ServerReflectionResponse response = call(ServerReflectionRequest.newBuilder().setListServices("*").build());
            List<String> names = new ArrayList<>();
            for (ServiceResponse s : response.getListServicesResponse().getServiceList()) {
                names.add(s.getName());
            }
            return names;
        }

        List<FileDescriptorProto> fileContainingSymbol(String symbol) {
            return files(call(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build()));
        }

        List<FileDescriptorProto> fileByFilename(String name) {
            return files(call(ServerReflectionRequest.newBuilder().setFileByFilename(name).build()));
        }

        private static List<FileDescriptorProto> files(ServerReflectionResponse response) {
            if (!response.hasFileDescriptorResponse()) {
                throw new ToolException("INTERNAL: reflection answered " + response.getMessageResponseCase()
                        + " instead of file descriptors");
            }
            List<FileDescriptorProto> files = new ArrayList<>();
            for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
                try {
                    files.add(FileDescriptorProto.parseFrom(bytes));
                } catch (InvalidProtocolBufferException e) {
                    throw new ToolException("INTERNAL: reflection sent an unreadable file descriptor: " + e.getMessage());
                }
            }
            return files;
        }

        private ServerReflectionResponse call(ServerReflectionRequest request) {
            if (method == null) {
                try {
                    ServerReflectionResponse response = exchange(V1ALPHA, request);
                    method = V1ALPHA;
                    return response;
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                        throw e;
                    }
                    method = V1;
                }
            }
            return exchange(method, request);
        }

        private ServerReflectionResponse exchange(
                io.grpc.MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse> m,
                ServerReflectionRequest request) {
            ClientCall<ServerReflectionRequest, ServerReflectionResponse> call =
                    channel.newCall(m, CallOptions.DEFAULT.withDeadline(deadline));
            CompletableFuture<ServerReflectionResponse> first = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> requests = ClientCalls.asyncBidiStreamingCall(call,
                    new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse value) {
                            first.complete(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            first.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            first.completeExceptionally(Status.INTERNAL
                                    .withDescription("reflection stream ended without a response").asRuntimeException());
                        }
                    });
            requests.onNext(request);
            requests.onCompleted();
            ServerReflectionResponse response;
            try {
                response = first.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel("interrupted", e);
                throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof StatusRuntimeException sre) {
                    throw sre;
                }
                throw Status.fromThrowable(cause).asRuntimeException();
            }
            if (response.hasErrorResponse()) {
                throw Status.fromCodeValue(response.getErrorResponse().getErrorCode())
                        .withDescription(response.getErrorResponse().getErrorMessage())
                        .asRuntimeException();
            }
            return response;
        }
    }

    /** File descriptors fetched through reflection and built into a linked set of descriptors. */
    static final class Descriptors {
        /** Well-known files, used when the server does not send one that its files import. */
        private static final Map<String, FileDescriptor> BUILT_IN = new HashMap<>();

        static {
            for (FileDescriptor fd : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                    DurationProto.getDescriptor(), EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
                    SourceContextProto.getDescriptor(), StructProto.getDescriptor(), TimestampProto.getDescriptor(),
                    TypeProto.getDescriptor(), WrappersProto.getDescriptor(), DescriptorProtos.getDescriptor())) {
                BUILT_IN.put(fd.getName(), fd);
            }
        }

        private final Reflection reflection;
        private final Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
        private final Map<String, FileDescriptor> built = new LinkedHashMap<>();

        Descriptors(Reflection reflection) {
            this.reflection = reflection;
        }

        /** Fetches the file defining the symbol and, transitively, every file it imports. */
        void load(String symbol) {
            add(fileContaining(symbol));
            boolean more = true;
            while (more) {
                more = false;
                for (FileDescriptorProto proto : List.copyOf(protos.values())) {
                    for (String dependency : proto.getDependencyList()) {
                        if (!protos.containsKey(dependency) && !BUILT_IN.containsKey(dependency)) {
                            add(reflection.fileByFilename(dependency));
                            more = true;
                        }
                    }
                }
            }
            for (String name : List.copyOf(protos.keySet())) {
                build(name, new HashSet<>());
            }
        }

        /**
         * Some servers index only services and top-level types (grpc-java skips nested enums, for one): on
         * NOT_FOUND ask for the enclosing symbol, like grpcurl does.
         */
        private List<FileDescriptorProto> fileContaining(String symbol) {
            StatusRuntimeException first = null;
            for (String s = symbol; ; s = s.substring(0, s.lastIndexOf('.'))) {
                try {
                    return reflection.fileContainingSymbol(s);
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                        throw e;
                    }
                    if (first == null) {
                        first = e;
                    }
                    if (s.lastIndexOf('.') <= 0) {
                        throw first;
                    }
                }
            }
        }

        ServiceDescriptor service(String name) {
            load(name);
            if (find(name) instanceof ServiceDescriptor svc) {
                return svc;
            }
            throw new ToolException("NOT_FOUND: " + name + " is not a service");
        }

        /** A service, message or enum by full name, among the loaded files. */
        Object find(String fullName) {
            for (FileDescriptor fd : built.values()) {
                for (ServiceDescriptor s : fd.getServices()) {
                    if (s.getFullName().equals(fullName)) {
                        return s;
                    }
                    for (MethodDescriptor m : s.getMethods()) {
                        if (m.getFullName().equals(fullName)) {
                            return m;
                        }
                    }
                }
                for (EnumDescriptor e : fd.getEnumTypes()) {
                    if (e.getFullName().equals(fullName)) {
                        return e;
                    }
                }
                for (Descriptor d : fd.getMessageTypes()) {
                    Object hit = find(d, fullName);
                    if (hit != null) {
                        return hit;
                    }
                }
            }
            return null;
        }

        private static Object find(Descriptor message, String fullName) {
            if (message.getFullName().equals(fullName)) {
                return message;
            }
            for (EnumDescriptor e : message.getEnumTypes()) {
                if (e.getFullName().equals(fullName)) {
                    return e;
                }
            }
            for (Descriptor nested : message.getNestedTypes()) {
                Object hit = find(nested, fullName);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }

        /** Every message type of the loaded files, so JSON of google.protobuf.Any fields resolves. */
        JsonFormat.TypeRegistry typeRegistry() {
            JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
            for (FileDescriptor fd : built.values()) {
                registry.add(fd.getMessageTypes());
            }
            return registry.build();
        }

        private void add(List<FileDescriptorProto> files) {
            for (FileDescriptorProto file : files) {
                protos.putIfAbsent(file.getName(), file);
            }
        }

        private FileDescriptor build(String name, Set<String> inProgress) {
            FileDescriptor done = built.get(name);
            if (done != null) {
                return done;
            }
            FileDescriptorProto proto = protos.get(name);
            if (proto == null) {
                FileDescriptor builtIn = BUILT_IN.get(name);
                if (builtIn == null) {
                    throw new ToolException("NOT_FOUND: reflection did not provide " + name);
                }
                return builtIn;
            }
            if (!inProgress.add(name)) {
                throw new ToolException("INTERNAL: import cycle through " + name);
            }
            List<FileDescriptor> dependencies = new ArrayList<>();
            for (String dependency : proto.getDependencyList()) {
                dependencies.add(build(dependency, inProgress));
            }
            try {
                FileDescriptor fd = FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]), true);
                built.put(name, fd);
                return fd;
            } catch (DescriptorValidationException e) {
                throw new ToolException("INTERNAL: invalid descriptor " + name + ": " + e.getMessage());
            }
        }
    }

    /** Marshals DynamicMessages of one type, for a MethodDescriptor built at run time. */
    static final class DynamicMarshaller implements io.grpc.MethodDescriptor.Marshaller<DynamicMessage> {
        private final Descriptor type;

        DynamicMarshaller(Descriptor type) {
            this.type = type;
        }

        @Override
        public InputStream stream(DynamicMessage value) {
            return new ByteArrayInputStream(value.toByteArray());
        }

        @Override
        public DynamicMessage parse(InputStream stream) {
            try {
                return DynamicMessage.parseFrom(type, stream);
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("cannot parse " + type.getFullName() + ": " + e.getMessage())
                        .withCause(e).asRuntimeException();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- arguments

    static final class Options {
        private static final Pattern HOST_PORT = Pattern.compile("^(?:\\[([^\\]]+)\\]|([^:\\[\\]/\\s]+)):(\\d{1,5})$");

        boolean help;
        String host;
        int port;
        String command;
        String symbol;
        String service;
        String method;
        String data;
        double timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        boolean compact;
        boolean emitDefaults;
        final Metadata headers = new Metadata();

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            boolean optionsEnded = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                    positional.add(arg);
                    continue;
                }
                String name = arg;
                String inline = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    inline = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--" -> optionsEnded = true;
                    case "-h", "--help" -> o.help = true;
                    case "--compact" -> o.compact = true;
                    case "--emit-defaults" -> o.emitDefaults = true;
                    case "-d", "--data" -> {
                        if (o.data != null) {
                            throw new UsageException("the request is given twice");
                        }
                        o.data = inline != null ? inline : value(args, ++i, name);
                    }
                    case "-H", "--header" -> o.addHeader(inline != null ? inline : value(args, ++i, name));
                    case "--timeout" -> o.timeoutSeconds = seconds(inline != null ? inline : value(args, ++i, name));
                    default -> throw new UsageException("unknown option " + arg);
                }
            }
            if (o.help) {
                return o;
            }
            if (positional.isEmpty()) {
                throw new UsageException("missing HOST:PORT");
            }
            Matcher target = HOST_PORT.matcher(positional.get(0));
            if (!target.matches()) {
                throw new UsageException("expected HOST:PORT as the first argument, got '" + positional.get(0) + "'");
            }
            o.host = target.group(1) != null ? target.group(1) : target.group(2);
            o.port = Integer.parseInt(target.group(3));
            if (o.port < 1 || o.port > 65535) {
                throw new UsageException("port out of range: " + o.port);
            }
            if (positional.size() < 2) {
                throw new UsageException("missing command: list, describe SYMBOL or SERVICE/METHOD");
            }
            o.command = positional.get(1);
            List<String> rest = positional.subList(2, positional.size());
            switch (o.command) {
                case "list" -> {
                    if (rest.size() > 1) {
                        throw new UsageException("list takes at most one SERVICE");
                    }
                    o.symbol = rest.isEmpty() ? null : rest.get(0);
                }
                case "describe" -> {
                    if (rest.size() != 1) {
                        throw new UsageException("describe takes exactly one SYMBOL (a service, method, message or enum)");
                    }
                    o.symbol = rest.get(0);
                }
                default -> {
                    String full = o.command;
                    int slash = full.lastIndexOf('/');
                    int split = slash >= 0 ? slash : full.lastIndexOf('.');
                    if (split <= 0 || split == full.length() - 1) {
                        throw new UsageException("unknown command '" + full
                                + "': expected list, describe or SERVICE/METHOD");
                    }
                    o.service = full.substring(0, split);
                    o.method = full.substring(split + 1);
                    if (rest.size() > 1) {
                        throw new UsageException("too many arguments after " + full
                                + " (quote the JSON request as one argument)");
                    }
                    if (!rest.isEmpty()) {
                        if (o.data != null) {
                            throw new UsageException("the request is given twice (argument and -d)");
                        }
                        o.data = rest.get(0);
                    }
                }
            }
            if (o.data != null && o.service == null) {
                throw new UsageException("-d only applies to a SERVICE/METHOD call");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }

        private static double seconds(String text) {
            try {
                double seconds = Double.parseDouble(text);
                if (!(seconds > 0) || Double.isInfinite(seconds)) {
                    throw new NumberFormatException();
                }
                return seconds;
            } catch (NumberFormatException e) {
                throw new UsageException("--timeout needs a positive number of seconds, got '" + text + "'");
            }
        }

        private void addHeader(String header) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("a header is 'NAME: VALUE', got '" + header + "'");
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            try {
                if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    headers.put(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER), Base64.getDecoder().decode(value));
                } else {
                    headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad header '" + header + "': " + e.getMessage());
            }
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A failure printed as {@code ERROR: <message>}; messages start with a gRPC status code name. */
    static final class ToolException extends RuntimeException {
        ToolException(String message) {
            super(message);
        }
    }
}
