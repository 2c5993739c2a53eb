package io.tongbao.sandbox.alipay.hook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tongbao.sandbox.alipay.app.AppRegistry;
import io.tongbao.sandbox.alipay.notify.Delivery;
import io.tongbao.sandbox.alipay.notify.NotifySender;
import io.tongbao.sandbox.alipay.notify.NotifySigner;
import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.TradeNotifications;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sends arbitrary notify parameters once, for tests of tampered amounts, unknown trades and forged signatures. */
@RestController
class NotifyHookController {

    private static final String FALLBACK_APP_ID = "2021000000000000";

    private final NotifySigner signer;
    private final NotifySender sender;
    private final AppRegistry apps;
    private final Clock clock;

    NotifyHookController(NotifySigner signer, NotifySender sender, AppRegistry apps, Clock clock) {
        this.signer = signer;
        this.sender = sender;
        this.apps = apps;
        this.clock = clock;
    }

    @PostMapping("/sandbox/alipay/notify")
    Delivery send(@RequestBody ArbitraryNotify request) {
        if (request.notifyUrl() == null || request.notifyUrl().isBlank()) {
            throw new IllegalArgumentException("notifyUrl is required");
        }
        Map<String, String> params = withDefaults(request.params());
        Map<String, String> signed;
        if (Boolean.TRUE.equals(request.omitSign())) {
            signed = params;
        } else if ("WRONG_KEY".equals(request.signWith())) {
            // a key pair made for this one notify: well-formed, but no client has its public half
            signed = signer.signWith(params, RsaKeys.generate().getPrivate());
        } else {
            signed = signer.sign(params);
        }
        return sender.post(request.notifyUrl(), signed);
    }

    private Map<String, String> withDefaults(Map<String, String> given) {
        var params = new LinkedHashMap<String, String>();
        params.put("app_id", apps.anyAppId().orElse(FALLBACK_APP_ID));
        params.put("notify_id", AlipayIds.newNotifyId());
        params.put("notify_time", TradeNotifications.TIME.format(Instant.now(clock)));
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        if (given != null) {
            given.forEach((key, value) -> {
                if (value != null) {
                    params.put(key, value);
                }
            });
        }
        return params;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_NOTIFY");
        return problem;
    }

    record ArbitraryNotify(String notifyUrl, Map<String, String> params, String signWith, Boolean omitSign) {
    }
}
