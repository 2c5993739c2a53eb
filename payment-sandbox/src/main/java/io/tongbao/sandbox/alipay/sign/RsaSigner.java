package io.tongbao.sandbox.alipay.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** PKCS#1 v1.5 signatures over the UTF-8 bytes of a string, base64 encoded, as both SDKs compute them. */
public final class RsaSigner {

    private RsaSigner() {
    }

    public static String sign(String content, PrivateKey key, SignType type) {
        try {
            var signature = Signature.getInstance(type.algorithm());
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + type, e);
        }
    }

    public static boolean verify(String content, String base64Signature, PublicKey key, SignType type) {
        try {
            var signature = Signature.getInstance(type.algorithm());
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getMimeDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a signature that is not even base64 or has the wrong length is simply a wrong signature
            return false;
        }
    }
}
