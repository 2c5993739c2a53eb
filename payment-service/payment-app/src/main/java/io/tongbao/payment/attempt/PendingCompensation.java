package io.tongbao.payment.attempt;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.tongbao.common.settings.RefreshableSettings;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.jobs.ExclusiveRounds;

/**
 * The safety net for lost notifies: PENDING attempts older than a few minutes are queried at the provider and the
 * answer applied through the same path as a notify. One replica at a time runs it (a Redisson lock with a lease).
 */
@Component
class PendingCompensation {

    private static final Logger log = LoggerFactory.getLogger(PendingCompensation.class);
    private static final int BATCH = 100;
    private final PayAttemptMapper attempts;
    private final Channels channels;
    private final PaymentResults results;
    private final ExclusiveRounds rounds;
    private final RefreshableSettings<PaymentSettings> settings;

    PendingCompensation(PayAttemptMapper attempts, Channels channels, PaymentResults results, ExclusiveRounds rounds,
            RefreshableSettings<PaymentSettings> settings) {
        this.attempts = attempts;
        this.channels = channels;
        this.results = results;
        this.rounds = rounds;
        this.settings = settings;
    }

    // read once by the scheduler: a change of the interval needs a restart (docs/operations.md)
    @Scheduled(fixedDelayString = "${tongbao.payment.compensation.interval:PT30S}",
            initialDelayString = "${tongbao.payment.compensation.interval:PT30S}")
    void scheduled() {
        run();
    }

    /** One round on whichever replica holds the lock; -1 when another replica is running one. */
    int run() {
        return rounds.run("tongbao:payment:compensation", this::compensate);
    }

    /** Queries each stale PENDING attempt; returns how many the provider's answer changed. */
    int compensate() {
        int changed = 0;
        Instant staleBefore = Instant.now().minus(settings.get().compensation().olderThan());
        for (PayAttemptMapper.StaleAttempt stale : attempts.stalePending(staleBefore, BATCH)) {
            try {
                var trade = channels.of(stale.channel()).query(stale.payNo());
                if (results.apply(stale.channel(), stale.payNo(), trade) == PaymentResults.Outcome.RECORDED) {
                    changed++;
                }
            } catch (RuntimeException e) {
                log.warn("Compensation could not settle attempt {}: {}", stale.payNo(), e.toString());
            }
        }
        return changed;
    }
}
