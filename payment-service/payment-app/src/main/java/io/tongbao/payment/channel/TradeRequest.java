package io.tongbao.payment.channel;

import java.time.Instant;

/**
 * A trade to create: our payNo (the provider's out_trade_no), the amount from our own data, the subject shown to the
 * payer, when it must stop accepting payment, and what some modes need of the payer: the WeChat {@code openId} for
 * JSAPI and the caller's IP for H5.
 */
public record TradeRequest(String payNo, String mode, long amountFen, String subject, Instant expireAt, String openId,
        String clientIp) {
}
