package io.tongbao.common.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import io.tongbao.common.redis.RedisScripts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys in Redis. The first request claims its key atomically (SET NX) with a short lease and a random
 * owner token, so that a request that dies mid-way frees its key by expiry; its finished response is then kept
 * for the retention period (24 h). Finishing and freeing are compare-and-set on the exact claim, so a request that
 * outlived its lease can never overwrite or delete the claim of the request that took the key over.
 */
public class IdempotencyStore {

    private static final String REPLACE_IF_SAME = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
                return 1
            end
            return 0""";

    private final RedissonClient redisson;
    private final JsonMapper json;
    private final String prefix;
    private final Duration lease;
    private final Duration retention;

    public IdempotencyStore(RedissonClient redisson, JsonMapper json, String service, Duration lease, Duration retention) {
        this.redisson = redisson;
        this.json = json;
        this.prefix = "tongbao:idempotency:" + service + ":";
        this.lease = lease;
        this.retention = retention;
    }

    /** A key held by one running request. */
    public record Claim(String key, String stored) {
    }

    /** Claims the key for a first request; null when the key is already taken (running or finished). */
    public Claim claim(String key, String fingerprint) {
        String stored = json.writeValueAsString(StoredResponse.inProgress(UUID.randomUUID().toString(), fingerprint));
        return bucket(key).setIfAbsent(stored, lease) ? new Claim(key, stored) : null;
    }

    /** What the key holds, or null when it is free (never used, expired, or abandoned). */
    public StoredResponse find(String key) {
        String stored = bucket(key).get();
        return stored == null ? null : json.readValue(stored, StoredResponse.class);
    }

    /** Keeps the finished response under the claim; false when the claim was lost (its lease ran out). */
    public boolean complete(Claim claim, int status, String contentType, String body) {
        StoredResponse running = json.readValue(claim.stored(), StoredResponse.class);
        String finished = json.writeValueAsString(
                new StoredResponse(running.owner(), running.fingerprint(), status, contentType, body));
        return redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, REPLACE_IF_SAME,
                RScript.ReturnType.BOOLEAN, List.of(prefix + claim.key()), claim.stored(), finished,
                Long.toString(retention.toMillis()));
    }

    /** Frees the key of a request that failed, so that the client's retry runs again; only while it holds it. */
    public void abandon(Claim claim) {
        redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RedisScripts.DELETE_IF_VALUE,
                RScript.ReturnType.LONG, List.of(prefix + claim.key()), claim.stored());
    }

    private RBucket<String> bucket(String key) {
        return redisson.getBucket(prefix + key, StringCodec.INSTANCE);
    }
}
