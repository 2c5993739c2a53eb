package io.tongbao.payment.channel.alipay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.alipay.api.internal.util.AlipaySignature;

/** Builds Alipay notifies as Alipay sends them: form fields, RSA2-signed with a platform key. */
final class AlipayTestNotifies {

    private AlipayTestNotifies() {
    }

    static Map<String, String> notifyParams(String payNo, String amount, String tradeStatus, String appId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", "n" + System.nanoTime());
        p.put("notify_time", "2026-11-24 18:00:00");
        p.put("app_id", appId);
        p.put("charset", "utf-8");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("out_trade_no", payNo);
        p.put("trade_no", "2026112422001" + payNo);
        p.put("trade_status", tradeStatus);
        p.put("total_amount", amount);
        p.put("subject", "60 coins / 中文");
        return p;
    }

    static Map<String, String> signed(Map<String, String> params, KeyPair key) throws Exception {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put("sign", AlipaySignature.rsaSign(AlipaySignature.getSignCheckContentV1(params),
                b64(key.getPrivate().getEncoded()), "UTF-8", "RSA2"));
        return copy;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
