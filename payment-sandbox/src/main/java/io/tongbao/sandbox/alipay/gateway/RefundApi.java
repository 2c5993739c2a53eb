package io.tongbao.sandbox.alipay.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.Refund;
import io.tongbao.sandbox.alipay.trade.RefundOutcome;
import io.tongbao.sandbox.alipay.trade.Refunds;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeNotifications;
import io.tongbao.sandbox.alipay.trade.TradeRef;
import io.tongbao.sandbox.alipay.trade.TradeRejected;
import io.tongbao.sandbox.alipay.trade.Trades;
import io.tongbao.sandbox.fault.Channel;
import io.tongbao.sandbox.fault.RefundFault;
import io.tongbao.sandbox.fault.RefundFaults;
import io.tongbao.sandbox.money.Yuan;
import org.springframework.stereotype.Component;

/** alipay.trade.refund and alipay.trade.fastpay.refund.query. */
@Component
class RefundApi {

    private final Refunds refunds;
    private final Trades trades;
    private final RefundFaults faults;

    RefundApi(Refunds refunds, Trades trades, RefundFaults faults) {
        this.refunds = refunds;
        this.trades = trades;
        this.faults = faults;
    }

    /** Takes one armed fault, if any applies to the trade: REFUSE refunds nothing, DELAY refunds and answers late. */
    Map<String, Object> refund(ApiCall call) {
        TradeRef ref = TradeApi.ref(call);
        Optional<RefundFault> fault = faults.take(Channel.ALIPAY, trades.find(ref).outTradeNo());
        try {
            if (fault.filter(RefundFault::refuses).isPresent()) {
                // what Alipay answers when the merchant's balance cannot cover a refund; topping up and retrying works
                throw new TradeRejected("ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足");
            }
            return refund(ref, call.biz());
        } finally {
            fault.ifPresent(RefundFault::holdAnswer);
        }
    }

    private Map<String, Object> refund(TradeRef ref, BizContent biz) {
        RefundOutcome outcome = refunds.refund(ref, biz.text("out_request_no"),
                biz.amountFen("refund_amount"), biz.text("refund_reason"));
        Trade trade = outcome.trade();
        var node = new LinkedHashMap<String, Object>();
        node.put("trade_no", trade.tradeNo());
        node.put("out_trade_no", trade.outTradeNo());
        node.put("buyer_logon_id", AlipayIds.BUYER_LOGON_ID);
        node.put("buyer_user_id", AlipayIds.BUYER_ID);
        // Y only when this very call moved money; a repeat answers N with the same cumulative refund_fee
        node.put("fund_change", outcome.fundChanged() ? "Y" : "N");
        node.put("refund_fee", Yuan.format(trade.refundedFen()));
        node.put("gmt_refund_pay", TradeNotifications.TIME.format(outcome.refund().refundedAt()));
        return node;
    }

    Map<String, Object> refundQuery(ApiCall call) {
        TradeRef ref = TradeApi.ref(call);
        String outRequestNo = call.biz().text("out_request_no");
        if (outRequestNo == null) {
            throw new TradeRejected("ACQ.INVALID_PARAMETER", "缺少必选参数 out_request_no");
        }
        Trade trade = trades.find(ref);
        var node = new LinkedHashMap<String, Object>();
        node.put("trade_no", trade.tradeNo());
        node.put("out_trade_no", trade.outTradeNo());
        node.put("out_request_no", outRequestNo);
        // an unknown request number is still 10000, only without refund_status: "not refunded (yet)"
        trade.refund(outRequestNo).ifPresent(refund -> putRefund(node, trade, refund, call));
        return node;
    }

    private static void putRefund(Map<String, Object> node, Trade trade, Refund refund, ApiCall call) {
        node.put("total_amount", Yuan.format(trade.totalFen()));
        node.put("refund_amount", Yuan.format(refund.amountFen()));
        node.put("refund_status", "REFUND_SUCCESS");
        if (refund.reason() != null) {
            node.put("refund_reason", refund.reason());
        }
        String options = call.biz().json().path("query_options").toString();
        if (options.contains("gmt_refund_pay")) {
            node.put("gmt_refund_pay", TradeNotifications.TIME.format(refund.refundedAt()));
        }
    }
}
