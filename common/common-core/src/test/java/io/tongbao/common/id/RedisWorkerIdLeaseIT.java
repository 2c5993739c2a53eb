package io.tongbao.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import io.tongbao.common.lock.RedissonLockIT;
import io.tongbao.testing.CleanRedisExtension;

/** Worker ids leased from the real Redis: replicas of one service never share one, and a lost lease is replaced. */
class RedisWorkerIdLeaseIT {

    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        redisson = RedissonLockIT.client();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @BeforeEach
    void cleanRedis() {
        CleanRedisExtension.flush();
    }

    @Test
    void givesTwoReplicasOfOneServiceDifferentWorkerIds() {
        try (RedisWorkerIdLease a = new RedisWorkerIdLease(redisson, "it-service", Duration.ofSeconds(30));
                RedisWorkerIdLease b = new RedisWorkerIdLease(redisson, "it-service", Duration.ofSeconds(30))) {
            assertThat(a.workerId()).isNotEqualTo(b.workerId());
            long idA = new IdGenerator(a, java.time.Clock.systemUTC()).nextId();
            long idB = new IdGenerator(b, java.time.Clock.systemUTC()).nextId();
            assertThat(IdGenerator.workerIdOf(idA)).isEqualTo(a.workerId());
            assertThat(IdGenerator.workerIdOf(idB)).isEqualTo(b.workerId());
        }
    }

    @Test
    void releasesItsWorkerIdOnClose() {
        RedisWorkerIdLease lease = new RedisWorkerIdLease(redisson, "it-service", Duration.ofSeconds(30));
        String key = "tongbao:worker-id:it-service:" + lease.workerId();
        assertThat(redisson.getBucket(key, StringCodec.INSTANCE).isExists()).isTrue();
        lease.close();
        assertThat(redisson.getBucket(key, StringCodec.INSTANCE).isExists()).isFalse();
    }

    @Test
    void leasesAgainWhenItsKeyWasTakenOver() {
        try (RedisWorkerIdLease lease = new RedisWorkerIdLease(redisson, "it-service", Duration.ofSeconds(30))) {
            int before = lease.workerId();
            String key = "tongbao:worker-id:it-service:" + before;
            redisson.getBucket(key, StringCodec.INSTANCE).set("someone-else");
            lease.renew();
            assertThat(lease.workerId()).isNotEqualTo(before);
            assertThat(redisson.getBucket(key, StringCodec.INSTANCE).get()).isEqualTo("someone-else");
            assertThat(redisson.getBucket("tongbao:worker-id:it-service:" + lease.workerId(), StringCodec.INSTANCE)
                    .isExists()).isTrue();
        }
    }
}
