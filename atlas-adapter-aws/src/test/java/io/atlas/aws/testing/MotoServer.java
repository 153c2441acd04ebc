package io.atlas.aws.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * moto's AWS emulator ({@code moto_server}, all services on one port) as a JUnit 5 extension:
 * {@code @RegisterExtension static final MotoServer MOTO = MotoServer.shared();}. The shared server is one child
 * process per test JVM on a free loopback port, started by the first class that needs it, reset
 * ({@code POST /moto-api/reset}) before each class, and stopped when the JVM exits. {@link #dedicated} starts a server
 * of the class's own with extra environment (moto reads settings such as {@code INITIAL_NO_AUTH_ACTION_COUNT} at
 * start), stopped after the class. Where {@code moto_server} is not on the PATH the classes are skipped with a message
 * saying so, except under {@code CI=true}, where its absence fails them.
 */
public final class MotoServer implements ExecutionCondition, BeforeAllCallback, AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    private static final String EXECUTABLE = "moto_server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static MotoServer shared;

    private final Map<String, String> environment;
    private final boolean dedicated;
    private Process process;
    private URI endpoint;

    private MotoServer(Map<String, String> environment, boolean dedicated) {
        this.environment = Map.copyOf(environment);
        this.dedicated = dedicated;
    }

    /** The server every class of this JVM shares, reset before each class. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = new MotoServer(Map.of(), false);
        }
        return shared;
    }

    /** A server of the class's own, started with {@code environment} added, stopped after the class. */
    public static MotoServer dedicated(Map<String, String> environment) {
        return new MotoServer(environment, true);
    }

    /** Where {@code moto_server} is on the PATH, if it is. */
    static Optional<Path> executable(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static ConditionEvaluationResult condition(Optional<Path> executable, boolean ci) {
        if (executable.isPresent() || ci) {
            return ConditionEvaluationResult.enabled(executable.map(p -> "moto_server at " + p)
                    .orElse("CI=true: moto_server is required"));
        }
        return ConditionEvaluationResult.disabled("Skipped: moto_server (the AWS emulator, pip package moto[server]) is "
                + "not on the PATH; under CI=true its absence fails the build");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return condition(executable(System.getenv("PATH")), "true".equals(System.getenv("CI")));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        if (dedicated) {
            context.getStore(ExtensionContext.Namespace.create(MotoServer.class, context.getUniqueId()))
                    .put("server", this);
        } else {
            post("/moto-api/reset", "");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path executable = executable(System.getenv("PATH")).orElseThrow(() -> new IllegalStateException(
                "Cannot start moto_server: it is not on the PATH (CI=true requires it; pip install 'moto[server]')"));
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-server-" + port + "-", ".log");
            log.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            endpoint = URI.create("http://127.0.0.1:" + port);
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> destroy(started), "moto-server-stop"));
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start moto_server: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Cannot start moto_server: it exited with " + process.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        stop();
        throw new IllegalStateException("Cannot start moto_server: not answering after " + START_TIMEOUT);
    }

    private synchronized void stop() {
        if (process != null) {
            destroy(process);
            process = null;
        }
    }

    private static void destroy(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cannot wait for moto_server: interrupted", e);
        }
    }

    /** The server's base URI, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("Cannot use moto_server: it is not started (register the extension)");
        }
        return endpoint;
    }

    /** {@code builder} pointed at this server with test credentials, the region and the URL-connection HTTP client. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return configure(builder, "test", "test").build();
    }

    /** {@code builder} pointed at this server with the given credentials (moto's IAM mode checks them). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, String accessKey,
            String secretKey) {
        builder.endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        return builder;
    }

    /** An S3 client for this server (path-style: moto serves every bucket on the one loopback host). */
    public S3Client s3() {
        return configure(S3Client.builder(), "test", "test").forcePathStyle(true).build();
    }

    /** POSTs {@code json} to one of moto's own endpoints ({@code /moto-api/...}) and returns the answer. */
    public String post(String path, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            int status = connection.getResponseCode();
            String body = new String((status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
            if (status >= 300) {
                throw new IllegalStateException("Cannot POST " + path + " to moto_server: HTTP " + status + " " + body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot POST " + path + " to moto_server: " + e.getMessage(), e);
        }
    }
}
