package io.tongbao.payment.channel.alipay;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;

import io.tongbao.payment.channel.ReturnVerifier;

/**
 * The parameters Alipay appends to the return_url when it sends the browser back after a page or wap payment. They
 * are checked (Alipay's signature, our app_id) only to know which payment the browser comes back from: they are
 * never proof of payment, which comes from the notify or from asking Alipay.
 */
@Component
class AlipayReturns implements ReturnVerifier {

    private static final Logger log = LoggerFactory.getLogger(AlipayReturns.class);
    private final AlipayProperties properties;

    AlipayReturns(AlipayProperties properties) {
        this.properties = properties;
    }

    @Override
    public String channel() {
        return AlipayChannel.NAME;
    }

    @Override
    public String returnPath() {
        return "alipay";
    }

    /** The out_trade_no (our payNo) of a genuine return; empty, and logged, for anything else. */
    @Override
    public Optional<String> payNo(Map<String, String> params) {
        String payNo = params.get("out_trade_no");
        String refusal = !properties.configured() ? "Alipay is not configured"
                : payNo == null || payNo.isBlank() ? "out_trade_no missing"
                : !params.containsKey("sign") || !signatureValid(params) ? "signature missing or invalid"
                : !properties.appId().equals(params.get("app_id")) ? "app_id " + params.get("app_id") + " is not ours"
                : null;
        if (refusal != null) {
            log.warn("Refused Alipay return for out_trade_no={}: {}", payNo, refusal);
            return Optional.empty();
        }
        return Optional.of(payNo);
    }

    private boolean signatureValid(Map<String, String> params) {
        try {
            // the SDK removes sign and sign_type from the map it is given: hand it a copy of its own
            return AlipaySignature.rsaCheckV1(new HashMap<>(params), properties.alipayPublicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }
}
