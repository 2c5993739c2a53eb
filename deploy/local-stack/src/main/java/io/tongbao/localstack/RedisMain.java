package io.tongbao.localstack;

import redis.embedded.RedisServer;

/** A zero-install Redis for machines without one (embedded-redis). Argument: port. Keeps nothing on disk. */
public final class RedisMain {

    private RedisMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "6379");
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                redis.stop();
            } catch (Exception e) {
                System.err.println("Redis stop failed: " + e);
            }
        }, "redis-shutdown"));
        System.out.println("Redis ready on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
