package io.tongbao.sandbox.wechat.hook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tongbao.sandbox.wechat.WechatIds;
import io.tongbao.sandbox.wechat.merchant.Merchant;
import io.tongbao.sandbox.wechat.merchant.WechatMerchants;
import io.tongbao.sandbox.wechat.notify.NotifyEnvelopes;
import io.tongbao.sandbox.wechat.notify.WechatDelivery;
import io.tongbao.sandbox.wechat.notify.WechatNotifyDispatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Encrypts, signs and sends an arbitrary resource once, for tests of tampered amounts, unknown trades and the like.
 * Standard fields the caller leaves out get the sandbox's own values; what the caller gives is sent as given.
 */
@RestController
class WechatNotifyHookController {

    private final WechatMerchants merchants;
    private final NotifyEnvelopes envelopes;
    private final WechatNotifyDispatcher dispatcher;
    private final Clock clock;

    WechatNotifyHookController(WechatMerchants merchants, NotifyEnvelopes envelopes,
                               WechatNotifyDispatcher dispatcher, Clock clock) {
        this.merchants = merchants;
        this.envelopes = envelopes;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @PostMapping("/sandbox/wechat/notify")
    WechatDelivery send(@RequestBody ArbitraryNotify request) {
        if (request.notifyUrl() == null || request.notifyUrl().isBlank()) {
            throw new IllegalArgumentException("notifyUrl is required");
        }
        Merchant merchant = (request.mchId() == null ? merchants.defaultMerchant() : merchants.find(request.mchId()))
                .orElseThrow(() -> new IllegalArgumentException("unknown mchId " + request.mchId()));
        String eventType = request.eventType() == null ? "TRANSACTION.SUCCESS" : request.eventType();
        var resource = new LinkedHashMap<String, Object>();
        if (request.resource() != null) {
            resource.putAll(request.resource());
        }
        if (NotifyEnvelopes.isRefundEvent(eventType)) {
            fillRefund(resource, merchant, eventType);
        } else {
            fillTransaction(resource, merchant);
        }
        return dispatcher.deliverOnce(envelopes.seal(request.notifyUrl(), merchant, eventType, resource));
    }

    private void fillTransaction(Map<String, Object> resource, Merchant merchant) {
        resource.putIfAbsent("mchid", merchant.mchId());
        resource.putIfAbsent("appid", merchant.appId());
        resource.putIfAbsent("trade_type", "NATIVE");
        resource.putIfAbsent("trade_state", "SUCCESS");
        resource.putIfAbsent("trade_state_desc", "支付成功");
        resource.putIfAbsent("transaction_id", WechatIds.newTransactionId(clock.instant()));
        resource.putIfAbsent("success_time", WechatIds.rfc3339(clock.instant()));
        resource.putIfAbsent("payer", Map.of("openid", WechatIds.SANDBOX_OPENID));
        var amount = new LinkedHashMap<String, Object>();
        if (resource.get("amount") instanceof Map<?, ?> given) {
            given.forEach((key, value) -> amount.put(String.valueOf(key), value));
        }
        amount.putIfAbsent("currency", "CNY");
        resource.put("amount", amount);
    }

    private void fillRefund(Map<String, Object> resource, Merchant merchant, String eventType) {
        String status = eventType.substring("REFUND.".length());
        resource.putIfAbsent("mchid", merchant.mchId());
        resource.putIfAbsent("transaction_id", WechatIds.newTransactionId(clock.instant()));
        resource.putIfAbsent("refund_id", WechatIds.newRefundId(clock.instant()));
        resource.putIfAbsent("refund_status", status);
        if ("SUCCESS".equals(status)) {
            resource.putIfAbsent("success_time", WechatIds.rfc3339(clock.instant()));
        }
        resource.putIfAbsent("user_received_account", "支付用户零钱");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_NOTIFY");
        return problem;
    }

    /** @param resource the decrypted resource to send; standard fields are filled in when missing */
    record ArbitraryNotify(String notifyUrl, String mchId, String eventType, Map<String, Object> resource) {
    }
}
