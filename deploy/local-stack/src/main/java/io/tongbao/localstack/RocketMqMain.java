package io.tongbao.localstack;

import java.nio.file.Path;

import io.tongbao.testing.rocketmq.EmbeddedRocketMq;

/** The local stack's RocketMQ: a NameServer and a Broker in this JVM. Arguments: dataDir nameServerPort brokerPort. */
public final class RocketMqMain {

    private RocketMqMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RocketMqMain <dataDir> <nameServerPort> <brokerPort>");
            System.exit(2);
        }
        EmbeddedRocketMq mq = EmbeddedRocketMq.start(new EmbeddedRocketMq.Settings(Path.of(args[0]),
                Integer.parseInt(args[1]), Integer.parseInt(args[2]), false));
        Runtime.getRuntime().addShutdownHook(new Thread(mq::close, "rocketmq-shutdown"));
        System.out.println("RocketMQ ready: name server " + mq.nameServerAddress() + ", topics " + EmbeddedRocketMq.TOPICS);
        Thread.currentThread().join();
    }
}
