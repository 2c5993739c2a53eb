package io.tongbao.sandbox.wechat.hook;

import io.tongbao.sandbox.money.Yuan;
import io.tongbao.sandbox.wechat.trade.WechatTrade;

/**
 * What the hooks report about a trade: WeChat's trade_state as {@code status}, amounts in yuan like the Alipay view,
 * and the payer IP an H5 prepay sent (null for the other trade types).
 */
record WechatTradeView(String outTradeNo, String status, String totalAmount, String refundedAmount,
                       String payerClientIp, String mchId, String tradeType, String transactionId,
                       String description) {

    static WechatTradeView of(WechatTrade trade) {
        return new WechatTradeView(trade.outTradeNo(), trade.state().name(), Yuan.format(trade.order().totalFen()),
                Yuan.format(trade.refundedFen()), trade.order().payerClientIp(), trade.mchId(),
                trade.order().tradeType().name(), trade.state().isPaid() ? trade.transactionId() : null,
                trade.order().description());
    }
}
