package io.tongbao.sandbox.wechat.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The v3 strings to sign (PROVIDER-WECHATPAY-V3 1 and 2) and SHA256withRSA over them. Messages are bytes, not
 * strings, so the body is covered exactly as it travelled, whatever its encoding.
 */
public final class V3Signatures {

    private static final String ALGORITHM = "SHA256withRSA";

    private V3Signatures() {
    }

    /** {@code METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\nBODY\n}; the body is empty for GET. */
    public static byte[] requestMessage(String method, String canonicalUrl, String timestamp, String nonce,
                                        byte[] body) {
        return lines(body, method, canonicalUrl, timestamp, nonce);
    }

    /** {@code TIMESTAMP\nNONCE\nBODY\n}, for responses and notifies; a 204 signs an empty body. */
    public static byte[] responseMessage(String timestamp, String nonce, byte[] body) {
        return lines(body, timestamp, nonce);
    }

    public static String sign(byte[] message, PrivateKey key) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    public static boolean verify(byte[] message, String base64Signature, PublicKey key) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // not even base64, or the wrong length: simply a wrong signature
            return false;
        }
    }

    private static byte[] lines(byte[] body, String... heads) {
        var out = new ByteArrayOutputStream();
        for (String head : heads) {
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        out.writeBytes(body == null ? new byte[0] : body);
        out.write('\n');
        return out.toByteArray();
    }
}
