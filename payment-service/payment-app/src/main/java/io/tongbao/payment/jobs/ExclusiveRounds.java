package io.tongbao.payment.jobs;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job's round on one replica at a time: a Redisson lock with a lease, so that a replica that dies
 * mid-round frees it after five minutes.
 */
@Component
public class ExclusiveRounds {

    private final RedissonClient redisson;

    ExclusiveRounds(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** The round's result, or -1 when another replica is running one (or the wait was interrupted). */
    public int run(String lockName, IntSupplier round) {
        RLock lock = redisson.getLock(lockName);
        try {
            if (!lock.tryLock(0, 5, TimeUnit.MINUTES)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        try {
            return round.getAsInt();
        } finally {
            lock.unlock();
        }
    }
}
