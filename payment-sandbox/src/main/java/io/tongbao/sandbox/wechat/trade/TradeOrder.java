package io.tongbao.sandbox.wechat.trade;

import java.time.Instant;
import java.util.Objects;

/** What a prepay call asks for. Amounts are integer fen, as everywhere in the v3 API. */
public record TradeOrder(String mchId, String appId, String outTradeNo, TradeType tradeType, String description,
                         long totalFen, String currency, String notifyUrl, String attach, String payerOpenid,
                         String payerClientIp, Instant timeExpire) {

    /** The same order sent again; notify_url, attach and time_expire may differ on a retry and are ignored. */
    boolean sameOrderAs(TradeOrder other) {
        return mchId.equals(other.mchId) && appId.equals(other.appId) && tradeType == other.tradeType
                && description.equals(other.description) && totalFen == other.totalFen
                && currency.equals(other.currency) && Objects.equals(payerOpenid, other.payerOpenid);
    }
}
