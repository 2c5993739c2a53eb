package io.tongbao.coin.recharge;

import org.apache.seata.spring.annotation.GlobalLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.coin.api.CoinRefundApi.RefundDebitCommand;
import io.tongbao.coin.wallet.Ledger;
import io.tongbao.common.error.ApiException;

/**
 * Takes back the coins of a coin recharge that is being refunded, before any money leaves: (coin + giftCoin) in
 * proportion to the refunded part of the paid amount, rounded up, as one ledger DEBIT unique per refund (REFUND,
 * refundNo). Never below zero: when the wallet no longer holds them, 409 COINS_ALREADY_SPENT and nothing changes.
 */
@Service
class RechargeRefunds {

    static final String BIZ_TYPE = "REFUND";
    private static final Logger log = LoggerFactory.getLogger(RechargeRefunds.class);

    private final RechargeMapper recharges;
    private final Ledger ledger;

    RechargeRefunds(RechargeMapper recharges, Ledger ledger) {
        this.recharges = recharges;
        this.ledger = ledger;
    }

    /** {@code @GlobalLock}: like a credit, the debit waits for a wallet payment of the same wallet still in flight. */
    @GlobalLock(lockRetryInterval = 20, lockRetryTimes = 250)
    @Transactional
    public Ledger.Debit takeBack(RefundDebitCommand command) {
        Recharge recharge = recharges.selectOne(new LambdaQueryWrapper<Recharge>()
                .eq(Recharge::getOrderNo, command.orderNo()));
        if (recharge == null) {
            throw ApiException.notFound("RECHARGE_NOT_FOUND", "No recharge paid by order " + command.orderNo());
        }
        if (!"PAID".equals(recharge.getStatus()) && !"REFUNDED".equals(recharge.getStatus())) {
            throw ApiException.conflict("RECHARGE_NOT_CREDITED", "Recharge " + recharge.getId() + " is "
                    + recharge.getStatus() + ": its coins have not been credited");
        }
        long coins = coinsFor(recharge.getCoin() + (long) recharge.getGiftCoin(), command.refundFen(),
                command.paidFen());
        try {
            Ledger.Debit debit = ledger.debit(recharge.getUserId(), coins, BIZ_TYPE, command.refundNo());
            log.info("Took back {} coins from user {} for refund {} of recharge {}", debit.coins(),
                    recharge.getUserId(), command.refundNo(), recharge.getId());
            return debit;
        } catch (ApiException e) {
            if (!"INSUFFICIENT_BALANCE".equals(e.code())) {
                throw e;
            }
            throw ApiException.conflict("COINS_ALREADY_SPENT", "Refund " + command.refundNo() + " needs " + coins
                    + " coins back from recharge " + recharge.getId() + ": " + e.getMessage());
        }
    }

    /** ceil(coins × refundFen / paidFen) in integers; refundFen is at most paidFen, so never more than all of them. */
    static long coinsFor(long coins, long refundFen, long paidFen) {
        return -Math.floorDiv(-Math.multiplyExact(coins, refundFen), paidFen);
    }
}
