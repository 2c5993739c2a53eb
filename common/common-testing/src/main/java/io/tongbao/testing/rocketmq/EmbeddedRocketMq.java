package io.tongbao.testing.rocketmq;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.BrokerPathConfigHelper;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A real RocketMQ 5 NameServer and Broker in this JVM: one per test JVM ({@link #shared()}), or one per local
 * stack process. Topics are created before anyone subscribes, because a running consumer sees an auto-created
 * topic only about 20 s later.
 */
public final class EmbeddedRocketMq implements AutoCloseable {

    /** The topics of ARCHITECTURE.md, created on every broker this class starts. */
    public static final List<String> TOPICS = List.of("payment-success", "order-events", "stock-deduction",
            "order-timeout", "refund-success", "late-payment", "flash-sale-order");
    private static final int QUEUES = 4;
    private static EmbeddedRocketMq shared;

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final String nameServerAddress;

    /** @param fastTransactionChecks the tests' broker: transaction checks and redeliveries within seconds */
    public record Settings(Path dataDir, int nameServerPort, int brokerPort, boolean fastTransactionChecks) {
    }

    private EmbeddedRocketMq(Settings settings) throws Exception {
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        System.setProperty("tls.server.mode", "disabled");
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        Path dir = settings.dataDir().toAbsolutePath();
        Files.createDirectories(dir);

        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setRocketmqHome(dir.toString());
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig namesrvNetty = new NettyServerConfig();
        namesrvNetty.setListenPort(settings.nameServerPort());
        namesrv = new NamesrvController(namesrvConfig, namesrvNetty);
        if (!namesrv.initialize()) {
            throw new IllegalStateException("RocketMQ NameServer did not initialize");
        }
        namesrv.start();
        nameServerAddress = "127.0.0.1:" + settings.nameServerPort();

        broker = new BrokerController(brokerConfig(settings, dir), brokerNetty(settings), new NettyClientConfig(),
                storeConfig(dir, settings.fastTransactionChecks()));
        try {
            BrokerPathConfigHelper.setBrokerConfigPath(dir.resolve("broker/broker.properties").toString());
            if (!broker.initialize()) {
                throw new IllegalStateException("RocketMQ Broker did not initialize");
            }
            broker.start();
            for (String topic : TOPICS) {
                createTopic(topic);
            }
        } catch (Exception | Error e) {
            // leave nothing half-started behind, so that a retry on other ports starts clean
            quietly(broker::shutdown);
            quietly(namesrv::shutdown);
            throw e;
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ignored) {
            // best effort while giving up on a start
        }
    }

    private BrokerConfig brokerConfig(Settings settings, Path dir) {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(dir.toString());
        config.setBrokerName("tongbao-broker");
        config.setBrokerClusterName("tongbao");
        config.setNamesrvAddr(nameServerAddress);
        config.setBrokerIP1("127.0.0.1");
        config.setAutoCreateTopicEnable(true);
        if (settings.fastTransactionChecks()) {
            config.setTransactionCheckInterval(1_000);
            config.setTransactionTimeOut(1_000);
            config.setTransactionOpBatchInterval(200);
        }
        return config;
    }

    private static NettyServerConfig brokerNetty(Settings settings) {
        NettyServerConfig netty = new NettyServerConfig();
        netty.setListenPort(settings.brokerPort());
        return netty;
    }

    private static MessageStoreConfig storeConfig(Path dir, boolean fastRedeliveries) {
        MessageStoreConfig store = new MessageStoreConfig();
        if (fastRedeliveries) {
            // tests: every redelivery a second after the last, so a message that keeps failing reaches its
            // dead-letter queue in about 20 s instead of RocketMQ's hours
            store.setMessageDelayLevel(String.join(" ", java.util.Collections.nCopies(18, "1s")));
        }
        store.setStorePathRootDir(dir.resolve("store").toString());
        store.setStorePathCommitLog(dir.resolve("store/commitlog").toString());
        store.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(30_000 * 20);
        store.setTimerWheelEnable(true);
        store.setHaListenPort(0);
        return store;
    }

    /** The JVM's broker for tests: started on free ports under target/ on first use, never shut down. */
    public static synchronized EmbeddedRocketMq shared() {
        if (shared == null) {
            // A port found free can be taken before the broker binds it (by any outgoing connection, when it lies
            // in the ephemeral range), so ports come from below that range and above the local stack's fixed ones
            // (LocalStack), and a failed start is retried on other ports in a fresh directory.
            IllegalStateException failure = new IllegalStateException("Could not start the embedded RocketMQ broker");
            for (int attempt = 1; attempt <= 3 && shared == null; attempt++) {
                try {
                    int brokerPort = freeBrokerPort();
                    int nameServerPort = freePortBelowEphemeral(brokerPort);
                    Path dir = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"),
                            "rocketmq-");
                    shared = start(new Settings(dir, nameServerPort, brokerPort, true));
                } catch (Exception | Error e) {
                    failure.addSuppressed(e);
                }
            }
            if (shared == null) {
                throw failure;
            }
        }
        return shared;
    }

    public static EmbeddedRocketMq start(Settings settings) throws Exception {
        EmbeddedRocketMq mq = new EmbeddedRocketMq(settings);
        mq.awaitRoute(TOPICS.get(0), Duration.ofSeconds(30));
        return mq;
    }

    public String nameServerAddress() {
        return nameServerAddress;
    }

    /** Creates (or keeps) a topic and waits until the NameServer routes it. */
    public void createTopic(String topic) {
        TopicConfig config = new TopicConfig(topic, QUEUES, QUEUES, PermName.PERM_READ | PermName.PERM_WRITE);
        broker.getTopicConfigManager().updateTopicConfig(config);
        broker.registerBrokerAll(true, false, true);
        awaitRoute(topic, Duration.ofSeconds(30));
    }

    private void awaitRoute(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (namesrv.getRouteInfoManager().pickupTopicRouteData(topic) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("NameServer has no route for " + topic);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        broker.shutdown();
        namesrv.shutdown();
    }

    private static final int PORT_RANGE_START = 21_000;
    private static final int PORT_RANGE_END = 32_000;

    /** The broker also binds listenPort - 2 (fast remoting); both must be free. */
    private static int freeBrokerPort() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_RANGE_START + 2, PORT_RANGE_END);
            if (isFree(port) && isFree(port - 2)) {
                return port;
            }
        }
        throw new IOException("No free port pair for the broker");
    }

    private static int freePortBelowEphemeral(int brokerPort) throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_RANGE_START, PORT_RANGE_END);
            if (Math.abs(port - brokerPort) > 2 && isFree(port)) {
                return port;
            }
        }
        throw new IOException("No free port for the NameServer");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
