package io.tongbao.payment.channel.wechat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.wechat.pay.java.service.payments.model.Transaction;

import io.tongbao.payment.channel.ProviderTrade;

/** WeChat Pay's words for trades, in ours. */
final class WechatTrades {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private WechatTrades() {
    }

    static ProviderTrade trade(Transaction t) {
        long total = t.getAmount() == null || t.getAmount().getTotal() == null ? 0 : t.getAmount().getTotal();
        return new ProviderTrade(status(t.getTradeState()), total, t.getTransactionId(), time(t.getSuccessTime()));
    }

    /**
     * SUCCESS, and REFUND (paid, then refunded in part or whole), took the money; CLOSED and REVOKED will not;
     * NOTPAY, USERPAYING, PAYERROR (a failed try the payer may repeat) and states unknown to the SDK change nothing.
     */
    static ProviderTrade.Status status(Transaction.TradeStateEnum state) {
        if (state == null) {
            return ProviderTrade.Status.WAITING;
        }
        return switch (state) {
            case SUCCESS, REFUND -> ProviderTrade.Status.PAID;
            case CLOSED, REVOKED -> ProviderTrade.Status.CLOSED;
            default -> ProviderTrade.Status.WAITING;
        };
    }

    /** RFC 3339 as WeChat Pay writes it, in China time. */
    static String rfc3339(Instant instant) {
        return RFC3339.format(instant.atOffset(CHINA));
    }

    static Instant time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
