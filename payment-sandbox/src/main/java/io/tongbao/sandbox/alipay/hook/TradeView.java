package io.tongbao.sandbox.alipay.hook;

import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.money.Yuan;

/** What the hooks report about a trade: the provider's own status, the amount and what was refunded, in yuan. */
record TradeView(String outTradeNo, String status, String totalAmount, String refundedAmount) {

    static TradeView of(Trade trade) {
        return new TradeView(trade.outTradeNo(), trade.status().name(), Yuan.format(trade.totalFen()),
                Yuan.format(trade.refundedFen()));
    }
}
