package io.tongbao.payment.channel.wechat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.cipher.Verifier;

/**
 * Every WeChat Pay public key we accept, by id. The SDK's own public-key mode holds exactly one; during a rotation
 * WeChat Pay signs with the old key and then the new one, so the signature is checked with the key whose id equals
 * the Wechatpay-Serial it came with, and an unknown id fails.
 */
final class WechatKeyRing implements Verifier {

    private final Map<String, RSAVerifier> verifiers = new LinkedHashMap<>();
    private final String primaryId;
    private final PublicKey primaryKey;

    WechatKeyRing(List<WechatProperties.PublicKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one WeChat Pay public key is needed");
        }
        PublicKey first = null;
        for (WechatProperties.PublicKey key : keys) {
            PublicKey publicKey = publicKey(key.key());
            verifiers.put(key.id(), new RSAVerifier(publicKey, key.id()));
            first = first == null ? publicKey : first;
        }
        this.primaryId = keys.get(0).id();
        this.primaryKey = first;
    }

    @Override
    public boolean verify(String serialNumber, String message, String signature) {
        RSAVerifier verifier = serialNumber == null ? null : verifiers.get(serialNumber);
        return verifier != null && verifier.verify(serialNumber, message, signature);
    }

    @Override
    public String getSerialNumber() {
        return primaryId;
    }

    boolean knows(String id) {
        return verifiers.containsKey(id);
    }

    Set<String> ids() {
        return verifiers.keySet();
    }

    PublicKey primaryKey() {
        return primaryKey;
    }

    static PublicKey publicKey(String base64OrPem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(base64OrPem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 RSA public key", e);
        }
    }

    static PrivateKey privateKey(String base64OrPem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(base64OrPem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    private static byte[] der(String base64OrPem) {
        return Base64.getMimeDecoder().decode(base64OrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
