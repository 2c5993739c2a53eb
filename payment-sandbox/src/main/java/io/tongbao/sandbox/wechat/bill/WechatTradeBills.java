package io.tongbao.sandbox.wechat.bill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import io.tongbao.sandbox.fault.BillDifferences;
import io.tongbao.sandbox.fault.Channel;
import io.tongbao.sandbox.wechat.WechatIds;
import io.tongbao.sandbox.wechat.sign.Nonces;
import io.tongbao.sandbox.wechat.trade.TradeOrder;
import io.tongbao.sandbox.wechat.trade.WechatRefund;
import io.tongbao.sandbox.wechat.trade.WechatTrade;
import io.tongbao.sandbox.wechat.trade.WechatTradeStore;
import org.springframework.stereotype.Service;

/** Daily trade bills (payments and refunds completed on a Beijing-time day) and their short-lived download tokens. */
@Service
class WechatTradeBills {

    /** WeChat's download URLs live five minutes. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final WechatTradeStore store;
    private final Clock clock;
    private final Map<String, IssuedBill> issued = new ConcurrentHashMap<>();

    private final BillDifferences differences;

    WechatTradeBills(WechatTradeStore store, Clock clock, BillDifferences differences) {
        this.store = store;
        this.clock = clock;
        this.differences = differences;
    }

    /** @param mchId the merchant, or null for every merchant's trades (the sandbox hook) */
    String csv(LocalDate day, String mchId, BillType type) {
        var rows = new ArrayList<TradeBillCsv.Row>();
        for (WechatTrade trade : store.all()) {
            if (mchId != null && !mchId.equals(trade.mchId()) || trade.paidAt() == null) {
                continue;
            }
            if (type != BillType.REFUND && isOn(trade.paidAt(), day)) {
                rows.add(new TradeBillCsv.Row(billed(trade), null));
            }
            if (type != BillType.SUCCESS) {
                trade.refunds().stream().filter(refund -> isOn(refund.succeededAt(), day))
                        .forEach(refund -> rows.add(new TradeBillCsv.Row(trade, refund)));
                differences.outsideRefunds(Channel.WECHAT, trade.outTradeNo()).stream()
                        .filter(r -> isOn(r.refundedAt(), day)).forEach(r -> rows.add(new TradeBillCsv.Row(trade,
                                new WechatRefund(r.refundNo(), "50" + r.refundNo(), r.amountFen(), "outside", null,
                                        r.refundedAt(), r.refundedAt()))));
            }
        }
        rows.sort(Comparator.comparing(TradeBillCsv.Row::time));
        return TradeBillCsv.write(rows);
    }

    IssuedBill issue(String mchId, LocalDate day, BillType type, boolean gzip) {
        Instant now = clock.instant();
        issued.values().removeIf(bill -> bill.expiresAt().isBefore(now));
        byte[] csv = csv(day, mchId, type).getBytes(StandardCharsets.UTF_8);
        var bill = new IssuedBill(Nonces.alphanumeric(32), mchId, gzip ? gzip(csv) : csv, gzip, sha1Hex(csv),
                now.plus(TOKEN_LIFETIME));
        issued.put(bill.token(), bill);
        return bill;
    }

    /** The bill behind a download token, for the merchant it was issued to, while the token lives. */
    Optional<IssuedBill> redeem(String token, String mchId) {
        Instant now = clock.instant();
        return Optional.ofNullable(token == null ? null : issued.get(token))
                .filter(bill -> bill.mchId().equals(mchId) && !bill.expiresAt().isBefore(now));
    }

    // a trade billed at another amount on purpose (reconciliation tests)
    private WechatTrade billed(WechatTrade trade) {
        return differences.billedFen(Channel.WECHAT, trade.outTradeNo()).map(fen -> {
            TradeOrder o = trade.order();
            return new WechatTrade(new TradeOrder(o.mchId(), o.appId(), o.outTradeNo(), o.tradeType(),
                    o.description(), fen, o.currency(), o.notifyUrl(), o.attach(), o.payerOpenid(), o.payerClientIp(),
                    o.timeExpire()), trade.prepayId(), trade.transactionId(), trade.state(), trade.createdAt(),
                    trade.paidAt(), trade.closedAt(), trade.refunds());
        }).orElse(trade);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(WechatIds.ZONE));
    }

    private static boolean isOn(Instant instant, LocalDate day) {
        return instant != null && instant.atZone(WechatIds.ZONE).toLocalDate().equals(day);
    }

    private static byte[] gzip(byte[] content) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha1Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
