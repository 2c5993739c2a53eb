package io.tongbao.coin.recharge;

import java.time.Instant;

import org.apache.seata.spring.annotation.GlobalLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.coin.wallet.Ledger;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.order.api.event.OrderEvent;

/**
 * A PAID COIN_RECHARGE order credits coin + giftCoin once: the ledger entry (unique per recharge), the wallet
 * balance and the recharge's PAID state change in one transaction. CLOSED closes the recharge. A full refund
 * (REFUNDED with everything paid refunded) moves it PAID → REFUNDED; its coins were already taken back, before the
 * money left, by {@link RechargeRefunds}, so nothing is debited here.
 */
@Service
class RechargeCredits {

    static final String GROUP = "coin-service-order-events";
    static final String BIZ_TYPE = "COIN_RECHARGE";
    private static final Logger log = LoggerFactory.getLogger(RechargeCredits.class);

    private final RechargeMapper recharges;
    private final Ledger ledger;
    private final Inbox inbox;

    RechargeCredits(RechargeMapper recharges, Ledger ledger, Inbox inbox) {
        this.recharges = recharges;
        this.ledger = ledger;
        this.inbox = inbox;
    }

    /**
     * {@code @GlobalLock}: a credit waits for any wallet payment of the same wallet still in flight in a Seata
     * global transaction, so that a rollback of that payment never finds the balance changed under it.
     */
    @GlobalLock(lockRetryInterval = 20, lockRetryTimes = 250)
    @Transactional
    public void apply(OrderEvent event) {
        if (!BIZ_TYPE.equals(event.bizType().name()) || !inbox.firstDelivery(GROUP, event.eventId())) {
            return;
        }
        Recharge recharge = recharges.selectOne(new LambdaQueryWrapper<Recharge>().eq(Recharge::getOrderNo, event.orderNo()));
        if (recharge == null) {
            throw new IllegalStateException("No recharge for order " + event.orderNo());
        }
        switch (event.type()) {
            case PAID -> credit(recharge, event);
            case CLOSED -> recharges.updateUnpaidToClosed(event.orderNo());
            case REFUNDED -> refunded(recharge, event);
        }
    }

    private void refunded(Recharge recharge, OrderEvent event) {
        if (!event.fullyRefunded()) {
            log.info("Recharge {} partly refunded ({} of {} fen): stays PAID", recharge.getId(),
                    event.refundedAmountFen(), event.paidAmountFen());
        } else if (recharges.updatePaidToRefunded(event.orderNo()) == 1) {
            log.info("Recharge {} refunded in full", recharge.getId());
        } else if ("UNPAID".equals(recharge.getStatus())) {
            // its PAID event is still on its way: let the broker deliver this one again after it
            throw new IllegalStateException("Recharge " + recharge.getId()
                    + " refunded before its payment was applied");
        } else {
            log.info("Recharge {} is {}: refund of order {} changes nothing", recharge.getId(), recharge.getStatus(),
                    event.orderNo());
        }
    }

    private void credit(Recharge recharge, OrderEvent event) {
        recharges.updateUnpaidToPaid(event.orderNo(), Instant.now());
        long coins = (long) recharge.getCoin() + recharge.getGiftCoin();
        if (ledger.credit(recharge.getUserId(), coins, BIZ_TYPE, Long.toString(recharge.getId()))) {
            log.info("Credited {} coins to user {} for recharge {}", coins, recharge.getUserId(), recharge.getId());
        }
    }
}
