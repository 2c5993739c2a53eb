package io.tongbao.localstack;

import io.tongbao.testing.LocalMiddleware;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole local stack, started once per test JVM with {@code deploy/local/up.sh --no-build} on offset ports (so a
 * developer's own stack on the default ports is never touched) and stopped with {@code deploy/local/down.sh} when
 * the test run ends, checking that nothing it started survives. Test classes use it with
 * {@code @ExtendWith(LocalStack.class)}.
 */
class LocalStack implements BeforeAllCallback, AutoCloseable {

    static final int GATEWAY_PORT = 18080;
    static final int SANDBOX_PORT = 18090;
    static final int PAYMENT_PORT = 18082;
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(6);
    static final Duration SHUTDOWN_LIMIT = Duration.ofMinutes(5);
    static final String SCHEMA_SUFFIX = "_smoke";
    static final String NAMESRV = "127.0.0.1:19876";
    private static final List<String> SCHEMAS = List.of("order", "payment", "coin", "learning").stream()
            .map(s -> "tongbao_" + s + SCHEMA_SUFFIX).toList();
    private static final int REDIS_DATABASE = 13;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStack.class);

    static Path root;
    static Path runDir;
    static Map<String, String> stackEnv;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(LocalStack.class, key -> start(), LocalStack.class);
    }

    private static LocalStack start() {
        try {
            root = projectRoot();
            runDir = root.resolve("deploy/local-stack/target/smoke-run");
            stackEnv = environment();
            Files.createDirectories(runDir);

            freshSchemasAndRedisDatabase();

            long start = System.nanoTime();
            Result up = runScript("up.sh", List.of("--no-build"), runDir.resolve("up.out"), STARTUP_LIMIT);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            if (up.timedOut()) {
                fail("deploy/local/up.sh did not finish within " + STARTUP_LIMIT.toMinutes() + " min. Output:%n%s", up.output());
            }
            if (up.exitCode() != 0) {
                fail("deploy/local/up.sh exited with " + up.exitCode() + ". Output:%n%s", up.output());
            }
            System.out.println("Local stack ready in " + seconds + " s");
            printResidentSetSizes();
            return new LocalStack();
        } catch (AssertionError e) {
            stopAfterAFailedStart();
            throw e;
        } catch (Exception e) {
            stopAfterAFailedStart();
            throw new IllegalStateException(e);
        }
    }

    /** A start that failed halfway leaves parts running: stop them, or the next run finds its ports taken. */
    private static void stopAfterAFailedStart() {
        try {
            runScript("down.sh", List.of(), runDir.resolve("down.out"), SHUTDOWN_LIMIT);
        } catch (Exception ignored) {
            // the original failure is the one to report
        }
    }

    @Override
    public void close() throws Exception {
        Map<String, Long> started = startedPids();
        Result down = runScript("down.sh", List.of(), runDir.resolve("down.out"), SHUTDOWN_LIMIT);
        List<String> survivors = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        for (Map.Entry<String, Long> e : started.entrySet()) {
            while (ours(e.getKey(), e.getValue()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            if (ours(e.getKey(), e.getValue())) {
                survivors.add(e.getKey() + " (pid " + e.getValue() + ")");
            }
        }
        assertThat(down.timedOut()).as("deploy/local/down.sh timed out:%n%s", down.output()).isFalse();
        assertThat(down.exitCode()).as("deploy/local/down.sh failed:%n%s", down.output()).isZero();
        assertThat(survivors).as("still running after deploy/local/down.sh:%n%s", down.output()).isEmpty();
        System.out.println("Local stack stopped: " + started.keySet());
    }

    static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + GATEWAY_PORT + path);
    }

    // ------------------------------------------------------------------ the scripts

    record Result(int exitCode, boolean timedOut, String output) {
    }

    private static Path projectRoot() {
        String property = System.getProperty("tongbao.root");
        if (property != null && !property.isBlank() && Files.isRegularFile(Path.of(property, "deploy/local/up.sh"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/up.sh"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("no deploy/local/up.sh above " + System.getProperty("user.dir"));
    }

    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        // the local profile's published secret, whatever the developer's shell exports
        env.remove("TONGBAO_JWT_SECRET");
        env.put("TONGBAO_GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("TONGBAO_ORDER_PORT", "18081");
        env.put("TONGBAO_PAYMENT_PORT", "18082");
        env.put("TONGBAO_COIN_PORT", "18083");
        env.put("TONGBAO_LEARNING_PORT", "18084");
        env.put("TONGBAO_NAMESRV_PORT", "19876");
        env.put("TONGBAO_BROKER_PORT", "20911");
        env.put("TONGBAO_SEATA_PORT", "18091");
        env.put("TONGBAO_SEATA_CONSOLE_PORT", "17091");
        env.put("TONGBAO_SANDBOX_PORT", String.valueOf(SANDBOX_PORT));
        // short enough for the timeout tests, long enough for every other flow to pay in time
        env.put("TONGBAO_ORDER_TIMEOUT", "PT20S");
        // the compensation job counts an attempt as stale after 1 s, but runs on its own only every 10 minutes:
        // the tests trigger it, so that the lost-notify and timeout tests still prove their own paths
        env.put("TONGBAO_PAYMENT_COMPENSATION_AFTER", "PT1S");
        env.put("TONGBAO_PAYMENT_COMPENSATION_INTERVAL", "PT10M");
        // the same for refunds left PROCESSING: stale after 1 s, asked about when a test triggers a round
        env.put("TONGBAO_PAYMENT_REFUNDS_SETTLE_AFTER", "PT1S");
        env.put("TONGBAO_PAYMENT_REFUNDS_SETTLE_INTERVAL", "PT10M");
        env.put("TONGBAO_RUN_DIR", runDir.toString());
        env.put("TONGBAO_SCHEMA_SUFFIX", SCHEMA_SUFFIX);
        env.put("TONGBAO_REDIS_DATABASE", String.valueOf(REDIS_DATABASE));
        return env;
    }

    /** Each run starts from fresh schemas and an empty Redis database (both used by this test only). */
    private static void freshSchemasAndRedisDatabase() throws SQLException {
        if (portOpen(LocalMiddleware.dbPort())) {
            try (Connection c = DriverManager.getConnection(LocalMiddleware.jdbcUrl(""), LocalMiddleware.dbUser(),
                    LocalMiddleware.dbPassword()); Statement s = c.createStatement()) {
                for (String schema : SCHEMAS) {
                    s.executeUpdate("DROP DATABASE IF EXISTS `" + schema + "`");
                }
            }
            System.out.println("Dropped " + SCHEMAS);
        } else {
            System.out.println("No MariaDB on port " + LocalMiddleware.dbPort() + ": up.sh starts its own");
        }
        if (portOpen(LocalMiddleware.redisPort())) {
            try (Jedis redis = new Jedis(LocalMiddleware.redisHost(), LocalMiddleware.redisPort())) {
                redis.select(REDIS_DATABASE);
                redis.flushDB();
            }
        }
    }

    private static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Kills one part of the running stack with SIGKILL and starts it again through up.sh (which reuses every part
     * still running), with {@code extraEnv} added to the stack's environment: how ops roll out a changed setting.
     */
    static void restart(String part, Map<String, String> extraEnv) throws Exception {
        kill(part);
        Map<String, String> env = new LinkedHashMap<>(stackEnv);
        env.putAll(extraEnv);
        Result up = runScript("up.sh", List.of("--no-build"), runDir.resolve("restart-" + part + ".out"), STARTUP_LIMIT,
                env);
        assertThat(up.exitCode()).as("up.sh restarting %s:%n%s", part, up.output()).isZero();
    }

    /** Kills one part of the running stack with SIGKILL and waits until it is gone. */
    static void kill(String part) throws IOException {
        long pid = Long.parseLong(Files.readString(runDir.resolve("pids").resolve(part + ".pid")).trim());
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** Runs deploy/local/{script}, writes its output to {@code out} and echoes it to System.out. */
    static Result runScript(String script, List<String> args, Path out, Duration limit) throws Exception {
        return runScript(script, args, out, limit, stackEnv);
    }

    static Result runScript(String script, List<String> args, Path out, Duration limit, Map<String, String> env)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/local").resolve(script).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        System.out.println("$ " + String.join(" ", command));
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null;) {
                    System.out.println(line);
                    file.write(line);
                    file.write('\n');
                    file.flush();
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                synchronized (output) {
                    output.append("(output not read to the end: ").append(e).append(")\n");
                }
            }
        }, script + "-output");
        pump.setDaemon(true);
        pump.start();
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            // only the script itself and its short-lived helpers (curl, sleep); down.sh stops what it launched
            process.descendants().filter(p -> p.info().command().map(c -> !c.endsWith("java")).orElse(true))
                    .forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (output) {
            return new Result(finished ? process.exitValue() : -1, !finished, output.toString());
        }
    }

    private static Map<String, Long> startedPids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path dir = runDir.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                String name = f.getFileName().toString();
                try {
                    pids.put(name.substring(0, name.length() - 4), Long.parseLong(Files.readString(f).trim()));
                } catch (NumberFormatException e) {
                    // an empty or half-written pid file: nothing to check
                }
            }
        }
        return pids;
    }

    /** As down.sh decides it: the pid still runs the JVM that up.sh started for this part. */
    private static boolean ours(String part, long pid) {
        try {
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
            return cmdline.contains("-Dtongbao.part=" + part + " ");
        } catch (IOException e) {
            return false; // no such process
        }
    }

    private static void printResidentSetSizes() throws IOException {
        long totalKb = 0;
        StringBuilder report = new StringBuilder("Resident set size of the started JVMs:\n");
        for (Map.Entry<String, Long> e : startedPids().entrySet()) {
            Path status = Path.of("/proc", String.valueOf(e.getValue()), "status");
            String rss = "not running";
            if (Files.isReadable(status)) {
                try {
                    rss = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                            .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
                } catch (IOException ex) {
                    rss = "unreadable (" + ex.getMessage() + ")";
                }
                if (rss.endsWith(" kB")) {
                    totalKb += Long.parseLong(rss.substring(0, rss.length() - 3).trim());
                }
            }
            report.append(String.format("  %-18s pid %-8d %s%n", e.getKey(), e.getValue(), rss));
        }
        report.append(String.format("  %-18s              %d MB", "total", totalKb / 1024));
        System.out.println(report);
    }
}
