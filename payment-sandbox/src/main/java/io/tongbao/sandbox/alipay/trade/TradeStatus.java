package io.tongbao.sandbox.alipay.trade;

/** Alipay's own trade states, named as on the wire. */
public enum TradeStatus {
    WAIT_BUYER_PAY,
    TRADE_SUCCESS,
    TRADE_FINISHED,
    TRADE_CLOSED
}
