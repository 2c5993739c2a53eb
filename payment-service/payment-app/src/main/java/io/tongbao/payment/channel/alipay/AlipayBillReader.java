package io.tongbao.payment.channel.alipay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.tongbao.common.money.Money;
import io.tongbao.payment.channel.BillEntry;

/**
 * Reads Alipay's trade bill: a zip whose entry names and contents are GBK, with a business detail file
 * ({@code …_业务明细.csv}) beside its summary. Comment lines start with {@code #}; cells may end in a tab (so that
 * spreadsheets keep long numbers as text); refund rows carry negative amounts and our refund number. Times are
 * Beijing time.
 */
final class AlipayBillReader {

    static final Charset GBK = Charset.forName("GBK");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String DETAIL = "_业务明细.csv";
    private static final String HEADER = "支付宝交易号";
    private static final int TRADE_NO = 0;
    private static final int OUT_TRADE_NO = 1;
    private static final int BUSINESS_TYPE = 2;
    private static final int FINISHED = 5;
    private static final int ORDER_AMOUNT = 11;
    private static final int MERCHANT_RECEIVED = 12;
    private static final int REFUND_NO = 21;

    private AlipayBillReader() {
    }

    static List<BillEntry> read(byte[] zip) {
        String detail = detailFile(zip);
        List<BillEntry> entries = new ArrayList<>();
        boolean rows = false;
        for (String line : detail.split("\r?\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith(HEADER)) {
                rows = true;
                continue;
            }
            if (rows) {
                entries.add(entry(split(line)));
            }
        }
        return entries;
    }

    private static BillEntry entry(List<String> cells) {
        boolean refund = "退款".equals(cell(cells, BUSINESS_TYPE));
        var at = LocalDateTime.parse(cell(cells, FINISHED), TIME).atZone(BEIJING).toInstant();
        long fen = Math.abs(Money.fromYuan(new BigDecimal(cell(cells, refund ? MERCHANT_RECEIVED : ORDER_AMOUNT))));
        return new BillEntry(refund ? BillEntry.Kind.REFUND : BillEntry.Kind.PAYMENT, cell(cells, OUT_TRADE_NO),
                refund ? cell(cells, REFUND_NO) : null, cell(cells, TRADE_NO), fen, at);
    }

    private static String cell(List<String> cells, int index) {
        if (index >= cells.size()) {
            throw new IllegalStateException("Alipay bill row has " + cells.size() + " cells, expected " + (index + 1));
        }
        return cells.get(index).strip();
    }

    // comma-separated; a cell in double quotes may hold commas and doubled quotes (free-text subjects)
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String detailFile(byte[] zip) {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(DETAIL)) {
                    return new String(in.readAllBytes(), GBK);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Alipay bill is not a readable zip", e);
        }
        throw new IllegalStateException("Alipay bill has no business detail file (…" + DETAIL + ")");
    }
}
