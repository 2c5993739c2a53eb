package io.tongbao.testing.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds WeChat Pay v3 notifies byte for byte as WeChat Pay sends them (the resource AES-256-GCM encrypted with an
 * APIv3 key, the headers signed over "timestamp\nnonce\nbody\n" with a platform key), so that tests can send genuine
 * ones and forge every kind of bad one: another key, a tampered ciphertext, a stale timestamp, an unknown serial.
 */
public final class WechatNotifyForger {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WechatNotifyForger() {
    }

    /** A notify ready to POST: its body and the Wechatpay-* headers. */
    public record Notify(String body, Map<String, String> headers) {

        /** The same notify with one header replaced (e.g. a probe signature). */
        public Notify withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Notify(body, copy);
        }
    }

    /** The transaction JSON of a paid trade, as WeChat Pay puts it in a TRANSACTION.SUCCESS resource. */
    public static String paidTransaction(String mchId, String appId, String outTradeNo, long totalFen) {
        return "{\"mchid\":\"" + mchId + "\",\"appid\":\"" + appId + "\",\"out_trade_no\":\"" + outTradeNo
                + "\",\"transaction_id\":\"42000" + Math.abs(outTradeNo.hashCode()) + "\",\"trade_type\":\"NATIVE\","
                + "\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"OTHERS\","
                + "\"success_time\":\"2026-12-01T10:00:00+08:00\",\"payer\":{\"openid\":\"o-test\"},"
                + "\"amount\":{\"total\":" + totalFen + ",\"payer_total\":" + totalFen
                + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    }

    /**
     * A TRANSACTION.SUCCESS notify of {@code resourceJson}, encrypted with {@code apiV3Key} and signed with
     * {@code platformKey} as {@code serial}, sent at {@code epochSeconds}.
     */
    public static Notify transactionNotify(String resourceJson, String apiV3Key, PrivateKey platformKey, String serial,
            long epochSeconds) {
        String nonce = random(12);
        String ciphertext = encrypt(apiV3Key, nonce, "transaction", resourceJson);
        String body = "{\"id\":\"EV-" + random(16) + "\",\"create_time\":\"2026-12-01T10:00:01+08:00\","
                + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\","
                + "\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
                + ciphertext + "\",\"associated_data\":\"transaction\",\"nonce\":\"" + nonce + "\"}}";
        return signed(body, platformKey, serial, epochSeconds);
    }

    /** {@code body} with Wechatpay-* headers signed by {@code platformKey}. */
    public static Notify signed(String body, PrivateKey platformKey, String serial, long epochSeconds) {
        String nonce = random(32);
        String timestamp = Long.toString(epochSeconds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Serial", serial);
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        headers.put("Wechatpay-Signature", sign(timestamp + "\n" + nonce + "\n" + body + "\n", platformKey));
        return new Notify(body, headers);
    }

    /** The same notify with one character of its ciphertext changed and the body signed again, as a forger would. */
    public static Notify tamperedCiphertext(Notify genuine, PrivateKey platformKey, String serial, long epochSeconds) {
        int at = genuine.body().indexOf("\"ciphertext\":\"") + 14;
        char c = genuine.body().charAt(at);
        String body = genuine.body().substring(0, at) + (c == 'A' ? 'B' : 'A') + genuine.body().substring(at + 1);
        return signed(body, platformKey, serial, epochSeconds);
    }

    static String encrypt(String apiV3Key, String nonce, String associatedData, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String message, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random characters from [0-9A-Za-z], like WeChat Pay's nonces. */
    public static String random(int length) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
