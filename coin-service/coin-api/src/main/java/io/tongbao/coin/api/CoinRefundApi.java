package io.tongbao.coin.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Taking back the coins of a refunded coin recharge, for payment-service only, before any money leaves. The coins
 * are (coin + giftCoin) × refundFen / paidFen of the recharge paid by that order, rounded up; one ledger DEBIT unique
 * per (REFUND, refundNo), so a retry takes nothing more; never below zero: 409 COINS_ALREADY_SPENT, nothing changed.
 */
@FeignClient(name = "coin-service", contextId = "coinRefundApi")
public interface CoinRefundApi {

    @PostMapping("/internal/coin/refund-debits")
    RefundDebitView takeBack(@RequestBody RefundDebitCommand command);

    record RefundDebitCommand(String orderNo, String refundNo, long refundFen, long paidFen) {
    }

    record RefundDebitView(long coins, long balanceAfter) {
    }
}
