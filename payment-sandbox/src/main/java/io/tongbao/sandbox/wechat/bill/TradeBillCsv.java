package io.tongbao.sandbox.wechat.bill;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

import io.tongbao.sandbox.money.Yuan;
import io.tongbao.sandbox.wechat.WechatIds;
import io.tongbao.sandbox.wechat.trade.WechatRefund;
import io.tongbao.sandbox.wechat.trade.WechatTrade;

/**
 * The trade bill in the layout of PROVIDER-WECHATPAY-V3 3 (the ALL columns): a header, one row per payment or
 * refund, then the summary header and row. Every data field starts with a backtick; amounts are yuan, not fen.
 */
final class TradeBillCsv {

    static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    static final String SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(WechatIds.ZONE);
    private static final String EOL = "\r\n";

    private TradeBillCsv() {
    }

    /** A payment (refund null) or one refund of a trade. */
    record Row(WechatTrade trade, WechatRefund refund) {

        Instant time() {
            return refund == null ? trade.paidAt() : refund.succeededAt();
        }

        // a refund row settles nothing new; its money is in the refund columns
        long orderFen() {
            return refund == null ? trade.order().totalFen() : 0;
        }

        long refundFen() {
            return refund == null ? 0 : refund.amountFen();
        }
    }

    static String write(List<Row> rows) {
        var out = new StringBuilder(HEADER).append(EOL);
        rows.forEach(row -> out.append(line(row)).append(EOL));
        long orders = rows.stream().mapToLong(Row::orderFen).sum();
        long refunds = rows.stream().mapToLong(Row::refundFen).sum();
        out.append(SUMMARY_HEADER).append(EOL);
        out.append(fields(Integer.toString(rows.size()), Yuan.format(orders), Yuan.format(refunds), "0.00",
                "0.00000", Yuan.format(orders), Yuan.format(refunds))).append(EOL);
        return out.toString();
    }

    private static String line(Row row) {
        WechatTrade trade = row.trade();
        WechatRefund refund = row.refund();
        boolean isRefund = refund != null;
        return fields(TIME.format(row.time()), trade.order().appId(), trade.mchId(), "0", "",
                trade.transactionId(), trade.outTradeNo(), trade.payerOpenid(), trade.order().tradeType().name(),
                isRefund ? "REFUND" : "SUCCESS", "OTHERS", trade.order().currency(),
                Yuan.format(row.orderFen()), "0.00",
                isRefund ? refund.refundId() : "0", isRefund ? refund.outRefundNo() : "0",
                Yuan.format(row.refundFen()), "0.00", isRefund ? "ORIGINAL" : "", isRefund ? "SUCCESS" : "",
                text(trade.order().description()), text(trade.order().attach()), "0.00000", "0.00%",
                Yuan.format(row.orderFen()), Yuan.format(row.refundFen()), "");
    }

    private static String fields(String... values) {
        var joined = new StringJoiner(",");
        for (String value : values) {
            joined.add("`" + value);
        }
        return joined.toString();
    }

    // the file has no quoting, so free text must not carry the separators
    private static String text(String value) {
        return value == null ? "" : value.replace(',', '，').replace('\r', ' ').replace('\n', ' ');
    }
}
