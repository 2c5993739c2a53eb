package io.tongbao.testing.seata;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tongbao.testing.rocketmq.EmbeddedRocketMq;

/**
 * A real Seata coordinator (io.seata:seata-server 2.0.0) in its own JVM, started once per test JVM on free ports
 * and stopped when the JVM exits. Its classpath is resolved by the deploy/seata-server module.
 */
public final class SeataCoordinator {

    private static SeataCoordinator shared;
    private final Process process;
    private final int port;
    private final Path log;

    private SeataCoordinator(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static synchronized SeataCoordinator shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "seata-");
                shared = start(serverLibrary(), dir, EmbeddedRocketMq.freePort(), EmbeddedRocketMq.freePort());
                Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy, "stop-seata"));
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the Seata coordinator", e);
            }
        }
        return shared;
    }

    public static SeataCoordinator start(Path lib, Path dir, int port, int consolePort) throws IOException {
        Path log = dir.resolve("seata-server.log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", lib.toAbsolutePath() + File.separator + "*",
                "-Dserver.port=" + consolePort,
                "-Dlogging.file.path=" + dir.resolve("logs"),
                "-Dseata.store.file.dir=" + dir.resolve("sessionStore"),
                "-Dseata.security.secretKey=" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                "-Dconsole.user.password=" + UUID.randomUUID(),
                "io.seata.server.ServerApplication", "-h", "127.0.0.1", "-p", Integer.toString(port), "-m", "file"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SeataCoordinator coordinator = new SeataCoordinator(process, port, log);
        coordinator.awaitListening(Duration.ofSeconds(90));
        return coordinator;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Seata coordinator exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Seata coordinator did not listen on " + port + " in " + timeout + "; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** deploy/seata-server/target/lib under the project root (the tongbao.root property, or the nearest parent). */
    static Path serverLibrary() {
        String root = System.getProperty("tongbao.root");
        Path start = root != null ? Path.of(root) : Path.of(System.getProperty("user.dir"));
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            Path lib = p.resolve("deploy/seata-server/target/lib");
            if (Files.isDirectory(lib)) {
                return lib;
            }
        }
        throw new IllegalStateException("No deploy/seata-server/target/lib: build it first (./mvnw -pl deploy/seata-server package)");
    }
}
