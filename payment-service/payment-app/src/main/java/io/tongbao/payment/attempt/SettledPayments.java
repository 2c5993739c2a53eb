package io.tongbao.payment.attempt;

import java.time.Duration;
import java.util.List;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.payment.channel.Checkout;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.TradeRequest;

/**
 * A payment that its channel settles at once (the wallet) is all or nothing across two services: one Seata AT global
 * transaction holds the channel's write (coin-service's debit, over Feign with the XID) and payment-service's own:
 * the attempt written SUCCESS, its orders and payment-success in the outbox (HELD until the global commit). Any
 * failure before the global commit, or a crash (the coordinator's timeout), rolls both back.
 */
@Component
class SettledPayments {

    private static final Logger log = LoggerFactory.getLogger(SettledPayments.class);
    private final PaymentResults results;
    private final TransactionTemplate tx;
    private final String fault;

    SettledPayments(PaymentResults results, TransactionTemplate tx,
            @Value("${tongbao.payment.faults.after-settle:}") String fault) {
        this.results = results;
        this.tx = tx;
        this.fault = fault;
        if (!fault.isBlank()) {
            log.warn("Fault injection is ON: every settled payment will {} after recording, before its global commit",
                    fault);
        }
    }

    /** The recorded attempt's checkout; throws (and everything is rolled back) when any part fails. */
    @GlobalTransactional(name = "settled-payment", timeoutMills = 10_000)
    public Checkout settle(PaymentChannel channel, PayAttempt attempt, List<PayAttemptMapper.AttemptOrder> orders,
            TradeRequest trade) {
        Checkout checkout = channel.create(trade);
        attempt.setCoins(checkout.coins());
        tx.executeWithoutResult(status -> results.recordSettled(attempt, orders, checkout.settled()));
        injectFault(RootContext.getXID());
        return checkout;
    }

    /** For tests of the rollback only: configured by tongbao.payment.faults.after-settle, empty in every deployment. */
    private void injectFault(String xid) {
        switch (fault) {
            case "" -> { }
            case "THROW" -> {
                log.warn("Injected fault: failing global transaction {}", xid);
                throw new IllegalStateException("Injected fault after recording, before the global commit");
            }
            case "HANG" -> {
                log.warn("Injected fault: hanging in global transaction {}", xid);
                try {
                    Thread.sleep(Duration.ofMinutes(5).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> throw new IllegalStateException("Unknown fault " + fault);
        }
    }
}
