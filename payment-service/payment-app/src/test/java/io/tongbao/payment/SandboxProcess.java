package io.tongbao.payment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The payment sandbox (its runnable jar, a test dependency of this module) in its own process on a free port, for
 * integration tests that talk to it through the official SDKs. It is stopped when the test JVM ends.
 */
public final class SandboxProcess {

    private static SandboxProcess shared;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Process process;
    private final String baseUrl;

    private SandboxProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** The JVM's sandbox, started on first use. */
    public static synchronized SandboxProcess shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** POSTs JSON to one of the sandbox's paths and returns the answer's body; fails on anything but 2xx. */
    public String post(String path, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("sandbox " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SandboxProcess start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "sandbox-");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                    jar().toString(), "--server.port=" + port, "--sandbox.key-dir=" + dir.resolve("keys")))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sandbox.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "sandbox-stop"));
            String base = "http://127.0.0.1:" + port;
            // the sandbox starts in a few seconds, longer on a busy machine: more than Await's 40 s are allowed
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!up(base)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroy();
                    throw new IllegalStateException("The payment sandbox did not start; see " + dir.resolve("sandbox.log"));
                }
                Thread.sleep(200);
            }
            return new SandboxProcess(process, base);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the payment sandbox", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean up(String base) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // the runnable jar is on the test class path (a test dependency): find it by the Maven metadata it carries
    private static Path jar() {
        URL marker = SandboxProcess.class.getClassLoader()
                .getResource("META-INF/maven/io.tongbao/payment-sandbox/pom.properties");
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            throw new IllegalStateException("The payment sandbox's runnable jar is not on the test class path");
        }
        String file = marker.getPath().substring("file:".length(), marker.getPath().indexOf("!/"));
        return Path.of(URI.create("file:" + file));
    }
}
