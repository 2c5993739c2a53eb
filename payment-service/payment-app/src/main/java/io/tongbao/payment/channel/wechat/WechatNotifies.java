package io.tongbao.payment.channel.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.RefundNotification;

import io.tongbao.payment.channel.InboundNotify;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.channel.ProviderTrade;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay v3 notifies (JSON, signed headers, AES-256-GCM resource), in this order: a signature probe is refused;
 * the timestamp must be within 5 minutes (the SDK does not check it); the serial must name one of our WeChat Pay
 * public keys; the SDK verifies the signature over the raw body and decrypts the resource with the APIv3 key; then
 * the event type, our mchid and appid, out_trade_no, CNY and trade_state SUCCESS. The amount is checked against our
 * attempt by the success path.
 */
final class WechatNotifies {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String PROBE = "WECHATPAY/SIGNTEST";
    private final WechatProperties properties;
    private final WechatKeyRing keys;
    private final NotificationParser parser;
    private final JsonMapper json;
    private final Clock clock;

    WechatNotifies(WechatProperties properties, WechatKeyRing keys, NotificationParser parser, JsonMapper json,
            Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.parser = parser;
        this.json = json;
        this.clock = clock;
    }

    NotifyVerdict verify(InboundNotify notify) {
        String signature = notify.header("Wechatpay-Signature");
        String serial = notify.header("Wechatpay-Serial");
        String timestamp = notify.header("Wechatpay-Timestamp");
        String reference = "Request-ID=" + notify.header("Request-ID") + " serial=" + serial;
        if (signature != null && signature.startsWith(PROBE)) {
            return new NotifyVerdict.Refused("signature probe", reference);
        }
        if (signature == null || serial == null || timestamp == null || notify.header("Wechatpay-Nonce") == null
                || notify.body() == null || notify.body().isEmpty()) {
            return new NotifyVerdict.Refused("signature headers or body missing", reference);
        }
        if (!fresh(timestamp)) {
            return new NotifyVerdict.Refused("timestamp " + timestamp + " is more than 5 minutes off", reference);
        }
        if (!keys.knows(serial)) {
            return new NotifyVerdict.Refused("unknown Wechatpay-Serial", reference);
        }
        try {
            RequestParam param = new RequestParam.Builder().serialNumber(serial).nonce(notify.header("Wechatpay-Nonce"))
                    .signature(signature).timestamp(timestamp).signType(notify.header("Wechatpay-Signature-Type"))
                    .body(notify.body()).build();
            // the event type is read from the body first; the parser then verifies the whole body, event type included
            String eventType = json.readTree(notify.body()).path("event_type").asString("");
            if (eventType.startsWith("REFUND.")) {
                return refund(parser.parse(param, RefundNotification.class), reference);
            }
            return check(eventType, parser.parse(param, Transaction.class), reference);
        } catch (WechatPayException | IllegalArgumentException | NullPointerException | JacksonException e) {
            // the SDK's message repeats the body and signature; the exception's type says enough
            return new NotifyVerdict.Refused("not verified or not decrypted (" + e.getClass().getSimpleName() + ")",
                    reference);
        }
    }

    /** REFUND.SUCCESS, .ABNORMAL or .CLOSED; ABNORMAL is not final at WeChat Pay, so it changes nothing here. */
    private NotifyVerdict refund(RefundNotification r, String reference) {
        if (r.getOutRefundNo() == null || r.getAmount() == null || r.getAmount().getRefund() == null) {
            return new NotifyVerdict.Refused("out_refund_no or amount missing", reference);
        }
        ProviderRefund.Status status = switch (r.getRefundStatus() == null ? "" : r.getRefundStatus().name()) {
            case "SUCCESS" -> ProviderRefund.Status.SUCCESS;
            case "CLOSED" -> ProviderRefund.Status.FAILED;
            default -> ProviderRefund.Status.PROCESSING;
        };
        return new NotifyVerdict.RefundUpdate(r.getOutRefundNo(), new ProviderRefund(r.getOutRefundNo(), status,
                r.getAmount().getRefund(), r.getRefundId(), WechatTrades.time(r.getSuccessTime())));
    }

    private NotifyVerdict check(String eventType, Transaction t, String reference) {
        if (!"TRANSACTION.SUCCESS".equals(eventType)) {
            return new NotifyVerdict.Refused("event " + eventType + " is not handled here", reference);
        }
        String ref = reference + " out_trade_no=" + t.getOutTradeNo();
        if (!properties.mchId().equals(t.getMchid()) || !properties.appId().equals(t.getAppid())) {
            return new NotifyVerdict.Refused("mchid " + t.getMchid() + " / appid " + t.getAppid() + " is not ours", ref);
        }
        if (t.getOutTradeNo() == null || t.getAmount() == null || t.getAmount().getTotal() == null
                || t.getAmount().getTotal() <= 0 || !"CNY".equals(t.getAmount().getCurrency())) {
            return new NotifyVerdict.Refused("out_trade_no or amount missing, or not CNY", ref);
        }
        if (t.getTradeState() != Transaction.TradeStateEnum.SUCCESS) {
            return new NotifyVerdict.Refused("trade_state " + t.getTradeState() + " in a success notify", ref);
        }
        return new NotifyVerdict.TradeUpdate(t.getOutTradeNo(), WechatTrades.trade(t));
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(sent, clock.instant()).abs().compareTo(MAX_SKEW) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
