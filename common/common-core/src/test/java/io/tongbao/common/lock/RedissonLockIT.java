package io.tongbao.common.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import io.tongbao.testing.CleanRedisExtension;
import io.tongbao.testing.LocalMiddleware;

/** A Redisson lock on the real Redis excludes a second holder, across clients as within one. */
public class RedissonLockIT {

    private static RedissonClient first;
    private static RedissonClient second;

    @BeforeAll
    static void connect() {
        first = client();
        second = client();
    }

    @AfterAll
    static void disconnect() {
        first.shutdown();
        second.shutdown();
    }

    @BeforeEach
    void cleanRedis() {
        CleanRedisExtension.flush();
    }

    public static RedissonClient client() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + LocalMiddleware.redisHost() + ":" + LocalMiddleware.redisPort())
                .setDatabase(LocalMiddleware.redisTestDatabase());
        return Redisson.create(config);
    }

    @Test
    void refusesTheLockToAnotherClientWhileItIsHeld() throws Exception {
        RLock mine = first.getLock("it:lock:job");
        assertThat(mine.tryLock(0, 30, TimeUnit.SECONDS)).isTrue();
        try {
            ExecutorService other = Executors.newSingleThreadExecutor();
            boolean theirs = other.submit(() -> second.getLock("it:lock:job").tryLock(200, 30_000, TimeUnit.MILLISECONDS)).get();
            other.shutdown();
            assertThat(theirs).isFalse();
        } finally {
            mine.unlock();
        }
        assertThat(second.getLock("it:lock:job").tryLock(0, 30, TimeUnit.SECONDS)).isTrue();
        second.getLock("it:lock:job").forceUnlock();
    }

    @Test
    void letsOnlyOneHolderAtATimeUnderContention() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            RedissonClient client = i % 2 == 0 ? first : second;
            pool.submit(() -> {
                RLock lock = client.getLock("it:lock:counter");
                lock.lock(30, TimeUnit.SECONDS);
                try {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    entries.incrementAndGet();
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                } finally {
                    lock.unlock();
                    done.countDown();
                }
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(entries.get()).isEqualTo(40);
        assertThat(maxInside.get()).isEqualTo(1);
    }
}
