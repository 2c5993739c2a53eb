package io.tongbao.coin.api;

/** A coin recharge of API.md; {@code amount} in yuan with two decimals; status UNPAID, PAID, CLOSED or REFUNDED. */
public record RechargeView(long rechargeId, long podId, String orderNo, String amount, String currency, int coin,
        int giftCoin, String status) {
}
