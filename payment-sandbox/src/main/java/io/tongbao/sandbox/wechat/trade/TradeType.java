package io.tongbao.sandbox.wechat.trade;

/** trade_type on the wire; the H5 endpoint creates MWEB trades. */
public enum TradeType {
    NATIVE,
    JSAPI,
    MWEB
}
