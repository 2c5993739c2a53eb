package io.tongbao.order.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The Redis side of a flash sale: the gate every buy passes through. One hash per sale holds its window, its units
 * left and its limit; a second hash counts each user's units. A buy is one script that checks the window, the
 * user's limit and the units left and takes a unit, atomically, with no lock per buyer. The database stays the
 * record: when the keys are missing (never loaded, expired, Redis restarted) the sale is loaded from it again
 * before the next buy, and a load never replaces keys that exist.
 */
@Component
class FlashSaleStock {

    /** What a take answered. */
    enum Take {
        TAKEN, NOT_LOADED, NOT_ACTIVE, SOLD_OUT, LIMIT_REACHED
    }

    private static final String PREFIX = "tongbao:flash-sale:{";
    /** How long the keys outlive the end of their sale (answers to late buyers stay cheap). */
    private static final Duration KEEP_AFTER_END = Duration.ofHours(1);

    // KEYS[1] the sale, KEYS[2] its users; ARGV[1] the user, ARGV[2] now (epoch ms)
    private static final String TAKE = """
            local sale = redis.call('HMGET', KEYS[1], 'start', 'end', 'units', 'limit')
            if not sale[1] then
                return 1
            end
            local now = tonumber(ARGV[2])
            if now < tonumber(sale[1]) or now >= tonumber(sale[2]) then
                return 2
            end
            local mine = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
            if mine >= tonumber(sale[4]) then
                return 4
            end
            if tonumber(sale[3]) <= 0 then
                return 3
            end
            redis.call('HINCRBY', KEYS[1], 'units', -1)
            redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            return 0""";

    // KEYS as TAKE; ARGV[1] the user. Nothing to give back to keys that are gone: their load reads the database.
    private static final String GIVE_BACK = """
            if redis.call('EXISTS', KEYS[1]) == 0 then
                return 0
            end
            redis.call('HINCRBY', KEYS[1], 'units', 1)
            local mine = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
            if mine > 0 then
                redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
            end
            return 1""";

    // KEYS as TAKE; ARGV: start, end, units, limit, expire at (epoch ms), then user/count pairs
    private static final String LOAD = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
                return 0
            end
            redis.call('DEL', KEYS[2])
            for i = 6, #ARGV, 2 do
                redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
            end
            redis.call('HSET', KEYS[1], 'start', ARGV[1], 'end', ARGV[2], 'units', ARGV[3], 'limit', ARGV[4])
            redis.call('PEXPIREAT', KEYS[1], ARGV[5])
            if #ARGV > 5 then
                redis.call('PEXPIREAT', KEYS[2], ARGV[5])
            end
            return 1""";

    private final RedissonClient redisson;

    FlashSaleStock(RedissonClient redisson) {
        this.redisson = redisson;
    }

    Take take(long saleId, long userId, Instant now) {
        long answer = eval(TAKE, saleId, List.of(Long.toString(userId), Long.toString(now.toEpochMilli())));
        return switch ((int) answer) {
            case 0 -> Take.TAKEN;
            case 1 -> Take.NOT_LOADED;
            case 2 -> Take.NOT_ACTIVE;
            case 3 -> Take.SOLD_OUT;
            case 4 -> Take.LIMIT_REACHED;
            default -> throw new IllegalStateException("Unexpected flash-sale take answer " + answer);
        };
    }

    /** The user's unit goes back (a buy the database refused, a failed ticket, a closed order). */
    void giveBack(long saleId, long userId) {
        eval(GIVE_BACK, saleId, List.of(Long.toString(userId)));
    }

    /** Loads the sale as the database has it, unless its keys exist; true when this call loaded it. */
    boolean load(FlashSale sale, int remaining, Map<Long, Integer> unitsByUser) {
        List<String> args = new ArrayList<>(List.of(Long.toString(sale.startAt().toEpochMilli()),
                Long.toString(sale.endAt().toEpochMilli()), Integer.toString(remaining),
                Integer.toString(sale.limitPerUser()), Long.toString(sale.endAt().plus(KEEP_AFTER_END).toEpochMilli())));
        unitsByUser.forEach((user, units) -> {
            args.add(Long.toString(user));
            args.add(Integer.toString(units));
        });
        return eval(LOAD, sale.id(), args) == 1;
    }

    /** What Redis holds of the sale: its units left, or null when its keys are gone. */
    Integer unitsLeft(long saleId) {
        String units = (String) redisson.getMap(saleKey(saleId), StringCodec.INSTANCE).get("units");
        return units == null ? null : Integer.valueOf(units);
    }

    /** Forgets the sale, so that the next buy loads it from the database. */
    void drop(long saleId) {
        redisson.getKeys().delete(saleKey(saleId), usersKey(saleId));
    }

    static String saleKey(long saleId) {
        return PREFIX + saleId + "}";
    }

    static String usersKey(long saleId) {
        return PREFIX + saleId + "}:users";
    }

    private long eval(String script, long saleId, List<String> args) {
        Long answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.LONG, List.of(saleKey(saleId), usersKey(saleId)), args.toArray());
        return answer;
    }
}
