package io.tongbao.payment.refund;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.payment.jobs.ExclusiveRounds;

/**
 * Refunds left PROCESSING (a provider call that timed out, a service that died) are asked about at their provider
 * and completed; one the provider never got is sent again under the same refund number. One replica at a time (a
 * Redisson lock with a lease). Ops can run a round now: POST /internal/payment/refunds/settle (never routed).
 */
@Component
@RestController
class RefundJob {

    private static final Logger log = LoggerFactory.getLogger(RefundJob.class);
    private static final int BATCH = 100;
    private final RefundMapper refunds;
    private final RefundResults results;
    private final RefundSender sender;
    private final ExclusiveRounds rounds;
    private final Duration olderThan;

    RefundJob(RefundMapper refunds, RefundResults results, RefundSender sender, ExclusiveRounds rounds,
            @Value("${tongbao.payment.refunds.settle-after:PT1M}") Duration olderThan) {
        this.refunds = refunds;
        this.results = results;
        this.sender = sender;
        this.rounds = rounds;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${tongbao.payment.refunds.settle-interval:PT30S}",
            initialDelayString = "${tongbao.payment.refunds.settle-interval:PT30S}")
    void scheduled() {
        run();
    }

    @PostMapping("/internal/payment/refunds/settle")
    java.util.Map<String, Integer> runNow() {
        return java.util.Map.of("asked", run());
    }

    /** One round on whichever replica holds the lock; -1 when another replica is running one. */
    int run() {
        return rounds.run("tongbao:payment:refund-settle", this::settleStale);
    }

    private int settleStale() {
        int asked = 0;
        for (String refundNo : refunds.staleProcessing(Instant.now().minus(olderThan), BATCH)) {
            try {
                sender.settle(results.find(refundNo));
                asked++;
            } catch (RuntimeException e) {
                log.warn("Refund {} could not be settled this round: {}", refundNo, e.toString());
            }
        }
        return asked;
    }
}
