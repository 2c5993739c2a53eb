package io.tongbao.sandbox.alipay.trade;

/** How an API call names a trade: by trade_no or out_trade_no, always within the calling app. */
public record TradeRef(String appId, String outTradeNo, String tradeNo) {
}
