package io.tongbao.common.id;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tongbao.common.redis.RedisScripts;

/**
 * Leases a worker id from Redis: {@code SET key owner NX PX ttl} over the id range, renewed at a third of the TTL.
 * If a renewal finds the key owned by someone else (the lease expired during a long pause), the process takes a
 * new id before handing out more ids, so two live replicas never issue ids with the same worker id.
 */
public final class RedisWorkerIdLease implements WorkerIdLease, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisWorkerIdLease.class);
    private static final String RENEW = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            return 0""";

    private final RedissonClient redisson;
    private final String keyPrefix;
    private final Duration ttl;
    private final String owner = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewer;
    private volatile int workerId;

    public RedisWorkerIdLease(RedissonClient redisson, String service, Duration ttl) {
        this.redisson = redisson;
        this.keyPrefix = "tongbao:worker-id:" + service + ":";
        this.ttl = ttl;
        this.workerId = acquire();
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "worker-id-lease");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int workerId() {
        return workerId;
    }

    private int acquire() {
        int start = (int) (Math.abs(owner.hashCode()) % (IdGenerator.MAX_WORKER_ID + 1));
        for (int i = 0; i <= IdGenerator.MAX_WORKER_ID; i++) {
            int candidate = (start + i) % (IdGenerator.MAX_WORKER_ID + 1);
            if (redisson.<String>getBucket(keyPrefix + candidate, StringCodec.INSTANCE).setIfAbsent(owner, ttl)) {
                log.info("Leased worker id {} for {}", candidate, keyPrefix);
                return candidate;
            }
        }
        throw new IllegalStateException("All worker ids are leased for " + keyPrefix);
    }

    void renew() {
        try {
            Long renewed = script().eval(RScript.Mode.READ_WRITE, RENEW, RScript.ReturnType.LONG,
                    List.of(keyPrefix + workerId), owner, Long.toString(ttl.toMillis()));
            if (renewed == null || renewed == 0L) {
                log.warn("Worker id {} lease was lost; leasing a new one", workerId);
                workerId = acquire();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew worker id lease {}: {}", workerId, e.toString());
        }
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            script().eval(RScript.Mode.READ_WRITE, RedisScripts.DELETE_IF_VALUE, RScript.ReturnType.LONG, List.of(keyPrefix + workerId), owner);
        } catch (RuntimeException e) {
            log.debug("Could not release worker id {}", workerId, e);
        }
    }
}
