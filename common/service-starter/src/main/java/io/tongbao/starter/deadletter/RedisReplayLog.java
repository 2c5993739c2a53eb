package io.tongbao.starter.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;

/** Replays remembered in Redis, per group, for 30 days after the last one (shared by every replica). */
class RedisReplayLog implements DeadLetterQueues.ReplayLog {

    private static final Duration KEPT = Duration.ofDays(30);
    private final RedissonClient redisson;
    private final String prefix;

    RedisReplayLog(RedissonClient redisson, String service) {
        this.redisson = redisson;
        this.prefix = "tongbao:" + service + ":dead-letters:replayed:";
    }

    @Override
    public void replayed(String group, String msgId, Instant at) {
        RMap<String, String> map = redisson.getMap(prefix + group);
        map.put(msgId, at.toString());
        map.expire(KEPT);
    }

    @Override
    public Map<String, Instant> replays(String group) {
        Map<String, Instant> replays = new HashMap<>();
        RMap<String, String> map = redisson.getMap(prefix + group);
        map.readAllMap().forEach((msgId, at) -> replays.put(msgId, Instant.parse(at)));
        return replays;
    }
}
