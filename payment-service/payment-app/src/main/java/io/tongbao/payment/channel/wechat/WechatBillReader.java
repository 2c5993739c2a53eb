package io.tongbao.payment.channel.wechat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.tongbao.common.money.Money;
import io.tongbao.payment.channel.BillEntry;

/**
 * Reads WeChat Pay's trade bill (bill_type ALL): a header, one row per payment or refund, then a summary header
 * and row. Every data field starts with a backtick; amounts are yuan; times are Beijing time; lines end in CRLF or
 * LF. Refund rows that have not succeeded yet are left out (they are not final).
 */
final class WechatBillReader {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String SUMMARY = "总交易单数";
    private static final int TIME_COLUMN = 0;
    private static final int TRANSACTION_ID = 5;
    private static final int OUT_TRADE_NO = 6;
    private static final int TRADE_STATE = 9;
    private static final int OUT_REFUND_NO = 15;
    private static final int REFUND_AMOUNT = 16;
    private static final int REFUND_STATUS = 19;
    private static final int ORDER_AMOUNT = 24;

    private WechatBillReader() {
    }

    static List<BillEntry> read(byte[] file) {
        List<BillEntry> entries = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.startsWith(SUMMARY)) {
                break;
            }
            if (!line.startsWith("`")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                cells.add(cell.startsWith("`") ? cell.substring(1).strip() : cell.strip());
            }
            boolean refund = "REFUND".equals(cell(cells, TRADE_STATE));
            if (refund && !"SUCCESS".equals(cell(cells, REFUND_STATUS))) {
                continue;
            }
            var at = LocalDateTime.parse(cell(cells, TIME_COLUMN), TIME).atZone(BEIJING).toInstant();
            long fen = Money.fromYuan(new BigDecimal(cell(cells, refund ? REFUND_AMOUNT : ORDER_AMOUNT)));
            entries.add(new BillEntry(refund ? BillEntry.Kind.REFUND : BillEntry.Kind.PAYMENT,
                    cell(cells, OUT_TRADE_NO), refund ? cell(cells, OUT_REFUND_NO) : null, cell(cells, TRANSACTION_ID),
                    fen, at));
        }
        return entries;
    }

    private static String cell(List<String> cells, int index) {
        if (index >= cells.size()) {
            throw new IllegalStateException("WeChat Pay bill row has " + cells.size() + " cells, expected " + (index + 1));
        }
        return cells.get(index);
    }
}
