package io.tongbao.payment.refund;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.messaging.Outbox;
import io.tongbao.payment.api.event.RefundSucceeded;
import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.metrics.RefundMetrics;

/**
 * The one code path that applies what a provider says about a refund, whether it came from the refund call, its
 * notify, or the job's query. SUCCESS by compare-and-set, with refund-success in the outbox in the same transaction;
 * FAILED by compare-and-set, giving its reservation back. A repeat changes nothing.
 */
@Service
public class RefundResults {

    private static final Logger log = LoggerFactory.getLogger(RefundResults.class);
    private final RefundMapper refunds;
    private final Outbox outbox;
    private final RefundMetrics metrics;

    RefundResults(RefundMapper refunds, Outbox outbox, RefundMetrics metrics) {
        this.refunds = refunds;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public enum Outcome {
        RECORDED, ALREADY_RECORDED, NOTHING_TO_DO, MISMATCH, UNKNOWN_REFUND
    }

    Refund find(String refundNo) {
        return refunds.selectOne(new LambdaQueryWrapper<Refund>().eq(Refund::getRefundNo, refundNo));
    }

    /** Applies what {@code channel} says about refund {@code refundNo}; another channel's refund is unknown to it. */
    @Transactional
    public Outcome apply(String channel, String refundNo, ProviderRefund answer) {
        Refund refund = find(refundNo);
        if (refund == null || !refund.getChannel().equals(channel)) {
            return Outcome.UNKNOWN_REFUND;
        }
        return switch (answer.status()) {
            case SUCCESS -> succeeded(refund, answer);
            case FAILED -> failed(refund, "refused by the provider");
            case PROCESSING, NOT_EXIST -> Outcome.NOTHING_TO_DO;
        };
    }

    /** A refund the provider refused (or that could not be sent): FAILED, its reservation given back. */
    @Transactional
    public Outcome failed(Refund refund, String why) {
        if (refunds.processingToFailed(refund.getRefundNo(), why) == 0) {
            return Outcome.ALREADY_RECORDED;
        }
        refunds.release(refund.getPayNo(), refund.getOrderNo(), refund.getAmountFen());
        metrics.moved(refund.getChannel(), refund.getKind(), "FAILED");
        log.warn("Refund {} of order {} failed: {}", refund.getRefundNo(), refund.getOrderNo(), why);
        return Outcome.RECORDED;
    }

    private Outcome succeeded(Refund refund, ProviderRefund answer) {
        if (answer.amountFen() != 0 && answer.amountFen() != refund.getAmountFen()) {
            log.error("Provider reports {} fen for refund {} of {} fen: not applied", answer.amountFen(),
                    refund.getRefundNo(), refund.getAmountFen());
            return Outcome.MISMATCH;
        }
        Instant at = answer.refundedAt() == null ? Instant.now() : answer.refundedAt();
        if (refunds.processingToSuccess(refund.getRefundNo(), answer.providerRefundNo(), at) == 0) {
            return Outcome.ALREADY_RECORDED;
        }
        metrics.moved(refund.getChannel(), refund.getKind(), "SUCCESS");
        outbox.enqueue(RefundSucceeded.TOPIC, refund.getChannel(), refund.getOrderNo(), new RefundSucceeded(
                UUID.randomUUID().toString(), Instant.now(), refund.getRefundNo(), refund.getPayNo(),
                refund.getOrderNo(), refund.getChannel(), refund.getKind(), refund.getAmountFen(), at));
        log.info("Refund {} of order {} succeeded ({} fen, {})", refund.getRefundNo(), refund.getOrderNo(),
                refund.getAmountFen(), refund.getKind());
        return Outcome.RECORDED;
    }
}
