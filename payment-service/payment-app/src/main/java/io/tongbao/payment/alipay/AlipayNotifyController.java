package io.tongbao.payment.alipay;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.money.Money;
import io.tongbao.payment.attempt.PaymentResults;
import io.tongbao.payment.metrics.NotifyMetrics;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Alipay's async notify. In this order: verify the signature with the SDK; check app_id, out_trade_no and
 * total_amount against our attempt; handle trade_status; record PENDING → SUCCESS with payment-success in one
 * transaction. Only then {@code success}; duplicates also get {@code success}. Anything else gets {@code fail},
 * changes nothing and is logged, so that Alipay retries a real notify and a forged one goes nowhere.
 */
@RestController
class AlipayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifyController.class);
    static final String SUCCESS = "success";
    static final String FAIL = "fail";
    private static final Set<String> HANDLED = Set.of("TRADE_SUCCESS", "TRADE_FINISHED", "TRADE_CLOSED", "WAIT_BUYER_PAY");

    private final AlipayGateway gateway;
    private final PaymentResults results;
    private final NotifyMetrics metrics;

    AlipayNotifyController(AlipayGateway gateway, PaymentResults results, NotifyMetrics metrics) {
        this.gateway = gateway;
        this.results = results;
        this.metrics = metrics;
    }

    @PostMapping(path = "/api/payment/notify/alipay", produces = MediaType.TEXT_PLAIN_VALUE)
    String notify(HttpServletRequest request) {
        return metrics.time("ALIPAY", () -> notifyAnswer(request));
    }

    private String notifyAnswer(HttpServletRequest request) {
        try {
            Map<String, String> params = new HashMap<>();
            request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
            return handle(params);
        } catch (RuntimeException e) {
            // an unreadable body, or a failure while recording: Alipay retries, nothing was changed
            log.warn("Alipay notify not processed: {}", e.toString());
            return FAIL;
        }
    }

    private String handle(Map<String, String> params) {
        String outTradeNo = params.get("out_trade_no");
        String refusal = refusal(params);
        if (refusal != null) {
            log.warn("Refused Alipay notify for out_trade_no={} notify_id={}: {}", outTradeNo, params.get("notify_id"), refusal);
            return FAIL;
        }
        ProviderTrade trade = new ProviderTrade(ProviderTrade.fromAlipay(params.get("trade_status")),
                Money.fromYuan(new BigDecimal(params.get("total_amount"))), params.get("trade_no"), null);
        PaymentResults.Outcome outcome = results.apply(outTradeNo, trade);
        return switch (outcome) {
            case RECORDED, ALREADY_RECORDED, NOTHING_TO_DO -> SUCCESS;
            case MISMATCH, UNKNOWN_ATTEMPT -> {
                log.warn("Refused Alipay notify for out_trade_no={}: {}", outTradeNo, outcome);
                yield FAIL;
            }
        };
    }

    /** Why this notify must not be applied, or null when it may. */
    private String refusal(Map<String, String> params) {
        if (!params.containsKey("sign") || !gateway.verifyNotify(params)) {
            return "signature missing or invalid";
        }
        if (!gateway.appId().equals(params.get("app_id"))) {
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
}
