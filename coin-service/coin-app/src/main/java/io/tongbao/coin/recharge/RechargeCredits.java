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
 * balance and the recharge's PAID state change in one transaction. CLOSED closes the recharge.
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
            default -> log.debug("Recharge {} ignores {}", recharge.getId(), event.type());
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
