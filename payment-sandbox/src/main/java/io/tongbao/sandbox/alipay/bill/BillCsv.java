package io.tongbao.sandbox.alipay.bill;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.Refund;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeNotifications;
import io.tongbao.sandbox.money.Yuan;

/** Writes the trade detail and summary files in the layout of PROVIDER-ALIPAY 3 (the bill section). */
final class BillCsv {

    static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
            + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            + "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
    private static final DateTimeFormatter CN_DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");
    private static final String RULE = "#-----------------------------------------";

    private BillCsv() {
    }

    /** One paid trade or one refund, as a bill row. */
    record Row(Trade trade, Refund refund) {

        long merchantFen() {
            return refund == null ? trade.totalFen() : -refund.amountFen();
        }
    }

    static String detail(String account, LocalDate day, List<Row> rows, Instant exportedAt) {
        var out = new StringBuilder();
        out.append("#支付宝业务明细查询\n#账号：[").append(account).append("]\n");
        out.append("#起始日期：[").append(CN_DAY.format(day.atStartOfDay())).append("]   终止日期：[")
                .append(CN_DAY.format(day.plusDays(1).atStartOfDay())).append("]\n");
        out.append(RULE).append("业务明细列表----------------------------------------\n");
        out.append(HEADER).append('\n');
        rows.forEach(row -> out.append(line(row)).append('\n'));
        out.append(RULE).append("业务明细列表结束------------------------------------\n");
        List<Row> sales = rows.stream().filter(r -> r.refund() == null).toList();
        List<Row> refunds = rows.stream().filter(r -> r.refund() != null).toList();
        out.append("#交易合计：").append(sales.size()).append("笔，商家实收共").append(Yuan.format(sum(sales)))
                .append("元，商家优惠共0.00元\n");
        out.append("#退款合计：").append(refunds.size()).append("笔，商家实收退款共").append(Yuan.format(sum(refunds)))
                .append("元，商家优惠退款共0.00元\n");
        out.append("#导出时间：[").append(CN_DAY.format(exportedAt.atZone(AlipayIds.ZONE))).append("]\n");
        return out.toString();
    }

    static String summary(String account, LocalDate day, List<Row> rows) {
        long sales = rows.stream().filter(r -> r.refund() == null).count();
        long refunds = rows.size() - sales;
        String total = Yuan.format(sum(rows));
        return "#支付宝业务汇总查询\n#账号：[" + account + "]\n#起始日期：[" + CN_DAY.format(day.atStartOfDay())
                + "]   终止日期：[" + CN_DAY.format(day.plusDays(1).atStartOfDay()) + "]\n"
                + "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,"
                + "卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）\n"
                + "合计,," + sales + "," + refunds + "," + total + "," + total + ",0.00,0.00,0.00,0.00,0.00," + total + "\n"
                + "#-----------------------------------------业务汇总列表结束------------------------------------\n";
    }

    private static String line(Row row) {
        Trade trade = row.trade();
        boolean refund = row.refund() != null;
        Instant finished = refund ? row.refund().refundedAt() : trade.paidAt();
        var cells = new StringJoiner(",");
        // long numbers end in a tab so spreadsheets keep them as text, as Alipay's own files do
        cells.add(trade.tradeNo() + "\t").add(cell(trade.outTradeNo()) + "\t").add(refund ? "退款" : "交易")
                .add(cell(trade.subject())).add(time(trade.createdAt())).add(time(finished))
                .add("").add("").add("").add("").add(AlipayIds.BUYER_LOGON_ID)
                .add(Yuan.format(trade.totalFen())).add(Yuan.format(row.merchantFen()))
                .add("0.00").add("0.00").add("0.00").add("0.00").add("0.00").add("").add("0.00").add("0.00")
                .add(refund ? cell(row.refund().outRequestNo()) + "\t" : "")
                .add("0.00").add("0.00").add("");
        return cells.toString();
    }

    private static long sum(List<Row> rows) {
        return rows.stream().mapToLong(Row::merchantFen).sum();
    }

    private static String time(Instant instant) {
        return TradeNotifications.TIME.format(instant);
    }

    // subjects are free text: quote them when they could break the CSV
    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
