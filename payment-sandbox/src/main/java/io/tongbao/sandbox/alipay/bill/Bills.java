package io.tongbao.sandbox.alipay.bill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.Refund;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeStore;
import io.tongbao.sandbox.fault.BillDifferences;
import io.tongbao.sandbox.fault.Channel;
import org.springframework.stereotype.Service;

/** The daily trade bill: payments and refunds completed on that Beijing-time day, zipped GBK CSV. */
@Service
public class Bills {

    /** Alipay writes both the entry names and the contents in GBK. */
    static final Charset GBK = Charset.forName("GBK");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String ALL_APPS_ACCOUNT = "2088000000000000";

    private final TradeStore store;
    private final Clock clock;
    private final BillDifferences differences;

    public Bills(TradeStore store, Clock clock, BillDifferences differences) {
        this.store = store;
        this.clock = clock;
        this.differences = differences;
    }

    /** @param appId the merchant app, or null for every app's trades (the sandbox hook) */
    public BillFile daily(LocalDate day, String appId) {
        String account = appId == null ? ALL_APPS_ACCOUNT : AlipayIds.sellerId(appId);
        List<BillCsv.Row> rows = rows(day, appId);
        String prefix = account + "_" + COMPACT.format(day);
        byte[] zip = zip(prefix, BillCsv.detail(account, day, rows, Instant.now(clock)),
                BillCsv.summary(account, day, rows));
        return new BillFile(prefix + ".csv.zip", zip);
    }

    private List<BillCsv.Row> rows(LocalDate day, String appId) {
        var rows = new ArrayList<BillCsv.Row>();
        for (Trade trade : store.all()) {
            if (appId != null && !appId.equals(trade.appId()) || !trade.isPaid()) {
                continue;
            }
            if (isOn(trade.paidAt(), day)) {
                rows.add(new BillCsv.Row(billed(trade), null));
            }
            trade.refunds().stream().filter(r -> isOn(r.refundedAt(), day))
                    .forEach(refund -> rows.add(new BillCsv.Row(trade, refund)));
            differences.outsideRefunds(Channel.ALIPAY, trade.outTradeNo()).stream()
                    .filter(r -> isOn(r.refundedAt(), day)).forEach(r -> rows.add(new BillCsv.Row(trade,
                            new Refund(r.refundNo(), r.amountFen(), "outside", r.refundedAt()))));
        }
        rows.sort(Comparator.comparing(row -> row.refund() == null ? row.trade().paidAt() : row.refund().refundedAt()));
        return rows;
    }

    // a trade billed at another amount on purpose (reconciliation tests)
    private Trade billed(Trade trade) {
        return differences.billedFen(Channel.ALIPAY, trade.outTradeNo()).map(fen -> new Trade(trade.appId(),
                trade.outTradeNo(), trade.tradeNo(), trade.subject(), trade.body(), fen, trade.status(),
                trade.notifyUrl(), trade.returnUrl(), trade.passbackParams(), trade.createdAt(), trade.paidAt(),
                trade.closedAt(), trade.refunds())).orElse(trade);
    }

    private static boolean isOn(Instant instant, LocalDate day) {
        return instant.atZone(AlipayIds.ZONE).toLocalDate().equals(day);
    }

    private static byte[] zip(String prefix, String detail, String summary) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, GBK)) {
            add(zip, prefix + "_业务明细.csv", detail);
            add(zip, prefix + "_业务明细(汇总).csv", summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(GBK));
        zip.closeEntry();
    }
}
