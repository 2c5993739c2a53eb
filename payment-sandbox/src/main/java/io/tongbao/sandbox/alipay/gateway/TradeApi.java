package io.tongbao.sandbox.alipay.gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.NewTrade;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeStatus;
import io.tongbao.sandbox.alipay.trade.TradeNotifications;
import io.tongbao.sandbox.alipay.trade.TradeRef;
import io.tongbao.sandbox.alipay.trade.TradeRejected;
import io.tongbao.sandbox.alipay.trade.Trades;
import io.tongbao.sandbox.fault.BillDifferences;
import io.tongbao.sandbox.fault.Channel;
import io.tongbao.sandbox.money.Yuan;
import org.springframework.stereotype.Component;

/** alipay.trade.precreate, .query and .close: biz_content in, response node fields out. */
@Component
class TradeApi {

    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final long MAX_FEN = 100_000_000_00L;

    private final Trades trades;
    private final BillDifferences differences;

    TradeApi(Trades trades, BillDifferences differences) {
        this.trades = trades;
        this.differences = differences;
    }

    Map<String, Object> precreate(ApiCall call) {
        Trade trade = trades.create(newTrade(call));
        var node = new LinkedHashMap<String, Object>();
        node.put("out_trade_no", trade.outTradeNo());
        // the "QR code" is the sandbox cashier, so scanning it (or opening it) leads a person to Pay / Cancel
        node.put("qr_code", cashierUrl(call.baseUrl(), trade.outTradeNo()));
        return node;
    }

    /** Shared by precreate, page.pay and wap.pay: the fields every way of creating a trade needs. */
    NewTrade newTrade(ApiCall call) {
        BizContent biz = call.biz();
        String outTradeNo = biz.required("out_trade_no");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            throw new TradeRejected("ACQ.INVALID_PARAMETER", "out_trade_no 只能是64位以内的字母、数字、下划线");
        }
        long totalFen = biz.amountFen("total_amount");
        if (totalFen < 1) {
            throw new TradeRejected("ACQ.INVALID_PARAMETER", "total_amount 取值范围 [0.01,100000000]");
        }
        if (totalFen > MAX_FEN) {
            throw new TradeRejected("ACQ.TOTAL_FEE_EXCEED", "订单金额超过限额");
        }
        return new NewTrade(call.appId(), outTradeNo, biz.required("subject"), biz.text("body"), totalFen,
                call.param("notify_url"), call.param("return_url"), biz.text("passback_params"));
    }

    // a payment made unanswerable on purpose (reconciliation tests) is queried as still awaiting payment
    private Trade unanswered(Trade trade) {
        if (!trade.isPaid() || !differences.hiddenFromQuery(Channel.ALIPAY, trade.outTradeNo())) {
            return trade;
        }
        return new Trade(trade.appId(), trade.outTradeNo(), trade.tradeNo(), trade.subject(), trade.body(),
                trade.totalFen(), TradeStatus.WAIT_BUYER_PAY, trade.notifyUrl(), trade.returnUrl(),
                trade.passbackParams(), trade.createdAt(), null, null, List.of());
    }

    static String cashierUrl(String baseUrl, String outTradeNo) {
        return baseUrl + "/cashier/alipay/" + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8);
    }

    Map<String, Object> query(ApiCall call) {
        Trade trade = unanswered(trades.find(ref(call)));
        var node = new LinkedHashMap<String, Object>();
        node.put("trade_no", trade.tradeNo());
        node.put("out_trade_no", trade.outTradeNo());
        node.put("trade_status", trade.status().name());
        node.put("total_amount", Yuan.format(trade.totalFen()));
        String paid = Yuan.format(trade.isPaid() ? trade.totalFen() : 0);
        node.put("buyer_pay_amount", paid);
        node.put("receipt_amount", paid);
        node.put("invoice_amount", paid);
        node.put("point_amount", "0.00");
        if (trade.isPaid()) {
            node.put("buyer_logon_id", AlipayIds.BUYER_LOGON_ID);
            node.put("buyer_user_id", AlipayIds.BUYER_ID);
            node.put("send_pay_date", TradeNotifications.TIME.format(trade.paidAt()));
            node.put("fund_bill_list", List.of(Map.of("fund_channel", "ALIPAYACCOUNT", "amount", paid,
                    "real_amount", paid)));
        }
        node.put("subject", trade.subject());
        if (trade.body() != null) {
            node.put("body", trade.body());
        }
        return node;
    }

    Map<String, Object> close(ApiCall call) {
        Trade trade = trades.close(ref(call));
        var node = new LinkedHashMap<String, Object>();
        node.put("trade_no", trade.tradeNo());
        node.put("out_trade_no", trade.outTradeNo());
        return node;
    }

    static TradeRef ref(ApiCall call) {
        String outTradeNo = call.biz().text("out_trade_no");
        String tradeNo = call.biz().text("trade_no");
        if (outTradeNo == null && tradeNo == null) {
            throw new TradeRejected("ACQ.INVALID_PARAMETER", "out_trade_no 和 trade_no 不能同时为空");
        }
        return new TradeRef(call.appId(), outTradeNo, tradeNo);
    }
}
