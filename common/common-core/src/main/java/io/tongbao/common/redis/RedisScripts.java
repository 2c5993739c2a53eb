package io.tongbao.common.redis;

/** Lua scripts shared by the Redis keys that one owner holds (a worker id lease, an Idempotency-Key claim). */
public final class RedisScripts {

    /** Deletes KEYS[1] only while it still holds ARGV[1] (its owner's value); 1 if deleted, else 0. */
    public static final String DELETE_IF_VALUE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                return redis.call('DEL', KEYS[1])
            end
            return 0""";

    private RedisScripts() {
    }
}
