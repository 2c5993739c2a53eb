package io.tongbao.payment.channel;

import java.time.Instant;
import java.util.Set;

/**
 * A trade to create: our payNo (the provider's out_trade_no), the payer, the business types of the orders it pays,
 * the amount from our own data, the subject shown to the payer, when it must stop accepting payment, and what some
 * modes need of the payer: the WeChat {@code openId} for JSAPI and the caller's IP for H5.
 */
public record TradeRequest(String payNo, long userId, Set<String> bizTypes, String mode, long amountFen, String subject,
        Instant expireAt, String openId, String clientIp) {

    public TradeRequest {
        bizTypes = bizTypes == null ? Set.of() : Set.copyOf(bizTypes);
    }
}
