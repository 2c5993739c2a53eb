package io.tongbao.payment.channel.alipay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;

import io.tongbao.common.money.Money;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.ProviderTrade;

/**
 * Alipay's async notify (form fields, RSA2), in this order: the signature with the SDK, over every field but sign and
 * sign_type; our app_id; out_trade_no and total_amount present and well formed; a trade_status we know. Only then
 * is it a trade update; the amount is checked against our attempt by the success path.
 */
final class AlipayNotifies {

    private static final Set<String> HANDLED = Set.of("TRADE_SUCCESS", "TRADE_FINISHED", "TRADE_CLOSED", "WAIT_BUYER_PAY");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private final AlipayProperties properties;

    AlipayNotifies(AlipayProperties properties) {
        this.properties = properties;
    }

    NotifyVerdict verify(Map<String, String> params) {
        String reference = "out_trade_no=" + params.get("out_trade_no") + " notify_id=" + params.get("notify_id");
        String refusal = refusal(params);
        if (refusal != null) {
            return new NotifyVerdict.Refused(refusal, reference);
        }
        ProviderTrade trade = new ProviderTrade(status(params.get("trade_status")),
                Money.fromYuan(new BigDecimal(params.get("total_amount"))), params.get("trade_no"),
                time(params.get("gmt_payment")));
        return new NotifyVerdict.TradeUpdate(params.get("out_trade_no"), trade);
    }

    /** TRADE_SUCCESS and TRADE_FINISHED are both paid; TRADE_CLOSED is closed (or fully refunded). */
    static ProviderTrade.Status status(String tradeStatus) {
        return switch (tradeStatus == null ? "" : tradeStatus) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> ProviderTrade.Status.PAID;
            case "TRADE_CLOSED" -> ProviderTrade.Status.CLOSED;
            case "WAIT_BUYER_PAY" -> ProviderTrade.Status.WAITING;
            default -> throw new IllegalArgumentException("Unknown Alipay trade_status " + tradeStatus);
        };
    }

    private String refusal(Map<String, String> params) {
        if (!params.containsKey("sign") || !signatureValid(params)) {
            return "signature missing or invalid";
        }
        if (!properties.appId().equals(params.get("app_id"))) {
            return "app_id " + params.get("app_id") + " is not ours";
        }
        String amount = params.get("total_amount");
        if (params.get("out_trade_no") == null || amount == null || !amount.matches("\\d{1,10}(\\.\\d{1,2})?")) {
            return "out_trade_no or total_amount missing or malformed";
        }
        if (!HANDLED.contains(params.get("trade_status"))) {
            return "unknown trade_status " + params.get("trade_status");
        }
        return null;
    }

    private boolean signatureValid(Map<String, String> params) {
        try {
            // the SDK removes sign_type from the map it is given: hand it a copy of its own
            return AlipaySignature.rsaCheckV1(new HashMap<>(params), properties.alipayPublicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, TIME).toInstant(CHINA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
