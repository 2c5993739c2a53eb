package io.tongbao.sandbox.wechat.sign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The signature headers of responses and notifies (PROVIDER-WECHATPAY-V3 2). The SDK looks them up in a plain
 * HashMap, so these exact spellings must reach the wire.
 */
public final class WechatpayHeaders {

    public static final String TIMESTAMP = "Wechatpay-Timestamp";
    public static final String NONCE = "Wechatpay-Nonce";
    public static final String SIGNATURE = "Wechatpay-Signature";
    public static final String SERIAL = "Wechatpay-Serial";
    public static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";
    public static final String REQUEST_ID = "Request-ID";

    private WechatpayHeaders() {
    }

    /** Signs {@code TIMESTAMP\nNONCE\nBODY\n} over exactly these body bytes (empty for a 204). */
    public static Map<String, String> sign(PlatformKey key, long epochSecond, byte[] body) {
        String timestamp = Long.toString(epochSecond);
        String nonce = Nonces.alphanumeric(32);
        String signature = V3Signatures.sign(V3Signatures.responseMessage(timestamp, nonce, body),
                key.pair().getPrivate());
        var headers = new LinkedHashMap<String, String>();
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, signature);
        headers.put(SERIAL, key.id());
        headers.put(SIGNATURE_TYPE, AuthorizationHeader.SCHEMA);
        headers.put(REQUEST_ID, UUID.randomUUID().toString());
        return headers;
    }
}
