package io.tongbao.sandbox.wechat.trade;

/** @param created false when the call repeated an earlier out_refund_no and moved no money */
public record RefundResult(WechatTrade trade, WechatRefund refund, boolean created) {
}
