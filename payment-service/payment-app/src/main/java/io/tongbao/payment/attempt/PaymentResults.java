package io.tongbao.payment.attempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.messaging.Outbox;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.api.event.PaymentSucceeded;
import io.tongbao.payment.metrics.PaymentMetrics;

/**
 * The one code path that applies what a provider says about an attempt, whether it came from a notify, an active
 * query, the compensation job or a failed close. Paid: SUCCESS by compare-and-set, with payment-success written to
 * the outbox in the same transaction. Closed: CLOSED. A repeat changes nothing.
 */
@Service
public class PaymentResults {

    private static final Logger log = LoggerFactory.getLogger(PaymentResults.class);
    private final PayAttemptMapper attempts;
    private final Outbox outbox;
    private final PaymentMetrics metrics;

    PaymentResults(PayAttemptMapper attempts, Outbox outbox, PaymentMetrics metrics) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public enum Outcome {
        RECORDED, ALREADY_RECORDED, NOTHING_TO_DO, MISMATCH, UNKNOWN_ATTEMPT
    }

    /**
     * Applies what {@code channel} says about attempt {@code payNo}. An attempt of another channel is unknown to this
     * one: a provider can only speak for its own trades.
     */
    @Transactional
    public Outcome apply(String channel, String payNo, ProviderTrade trade) {
        PayAttempt attempt = find(payNo);
        if (attempt == null || !attempt.getChannel().equals(channel)) {
            return Outcome.UNKNOWN_ATTEMPT;
        }
        if (trade.status() != ProviderTrade.Status.NOT_EXIST && trade.totalFen() != attempt.getAmountFen()) {
            log.error("Provider reports {} fen for attempt {} of {} fen: not applied", trade.totalFen(),
                    attempt.getPayNo(), attempt.getAmountFen());
            return Outcome.MISMATCH;
        }
        return switch (trade.status()) {
            case PAID -> paid(attempt, trade);
            case CLOSED -> closed(attempt);
            case WAITING, NOT_EXIST -> Outcome.NOTHING_TO_DO;
        };
    }

    PayAttempt find(String payNo) {
        return attempts.selectOne(new LambdaQueryWrapper<PayAttempt>().eq(PayAttempt::getPayNo, payNo));
    }

    private Outcome closed(PayAttempt attempt) {
        if (attempts.updatePendingToClosed(attempt.getPayNo(), Instant.now()) == 0) {
            return Outcome.ALREADY_RECORDED;
        }
        metrics.moved(attempt.getChannel(), "CLOSED");
        return Outcome.RECORDED;
    }

    private Outcome paid(PayAttempt attempt, ProviderTrade trade) {
        Instant paidAt = trade.paidAt() == null ? Instant.now() : trade.paidAt();
        if (attempts.updateToSuccess(attempt.getPayNo(), trade.tradeNo(), paidAt) == 0) {
            return Outcome.ALREADY_RECORDED;
        }
        succeeded(attempt, paidAt, attempts.ordersOf(attempt.getPayNo()));
        return Outcome.RECORDED;
    }

    /**
     * A payment its channel settled at once (the wallet): the attempt is written SUCCESS from the start, with its
     * orders and payment-success, in the caller's transaction. Inserts only: in a Seata AT branch a rollback then
     * deletes exactly these rows, and no timestamp has to be written back (Connector/J drops fractional seconds
     * when it binds one for MariaDB 10.x, which the undo's dirty check would then see as a change).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSettled(PayAttempt attempt, List<PayAttemptMapper.AttemptOrder> orders, ProviderTrade trade) {
        if (!trade.paid() || trade.totalFen() != attempt.getAmountFen()) {
            throw new IllegalStateException("A settled payment must be paid in full: " + trade);
        }
        Instant paidAt = trade.paidAt() == null ? Instant.now() : trade.paidAt();
        attempt.setStatus("SUCCESS");
        attempt.setProviderTradeNo(trade.tradeNo());
        attempt.setPaidAt(paidAt);
        attempts.insert(attempt);
        orders.forEach(o -> attempts.insertOrder(attempt.getPayNo(), o.orderNo(), o.amountFen()));
        succeeded(attempt, paidAt, orders);
    }

    private void succeeded(PayAttempt attempt, Instant paidAt, List<PayAttemptMapper.AttemptOrder> orders) {
        metrics.moved(attempt.getChannel(), "SUCCESS");
        outbox.enqueue(PaymentSucceeded.TOPIC, attempt.getChannel(), attempt.getPayNo(), new PaymentSucceeded(
                UUID.randomUUID().toString(), Instant.now(), attempt.getPayNo(), attempt.getChannel(),
                attempt.getUserId(), attempt.getAmountFen(), paidAt,
                orders.stream().map(o -> new PaymentSucceeded.PaidOrder(o.orderNo(), o.amountFen())).toList()));
        log.info("Payment {} succeeded ({} fen)", attempt.getPayNo(), attempt.getAmountFen());
    }
}
