package io.tongbao.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import redis.clients.jedis.Jedis;

/** Every test starts on an empty Redis: the tests' own database index is flushed before each one. */
public class CleanRedisExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        flush();
    }

    public static void flush() {
        try (Jedis jedis = new Jedis(LocalMiddleware.redisHost(), LocalMiddleware.redisPort())) {
            jedis.select(LocalMiddleware.redisTestDatabase());
            jedis.flushDB();
        }
    }
}
