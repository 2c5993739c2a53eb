package io.tongbao.sandbox.alipay.trade;

/** @param fundChanged false when the call repeated an earlier refund and moved no money */
public record RefundOutcome(Trade trade, Refund refund, boolean fundChanged) {
}
