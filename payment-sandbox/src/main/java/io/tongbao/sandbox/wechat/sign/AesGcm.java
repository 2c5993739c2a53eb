package io.tongbao.sandbox.wechat.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_256_GCM as notify resources use it: key = UTF-8 bytes of the 32-character APIv3 key, IV = UTF-8 bytes of
 * the 12-character nonce, AAD = UTF-8 bytes of associated_data; the output is base64(ciphertext followed by the tag).
 */
public final class AesGcm {

    public static final String ALGORITHM_NAME = "AEAD_AES_256_GCM";
    private static final int TAG_BITS = 128;

    private AesGcm() {
    }

    public static String encrypt(String apiV3Key, String nonce, String associatedData, byte[] plaintext) {
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, apiV3Key, nonce, associatedData)
                    .doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with AES-256-GCM", e);
        }
    }

    public static byte[] decrypt(String apiV3Key, String nonce, String associatedData, String base64Ciphertext)
            throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, apiV3Key, nonce, associatedData)
                .doFinal(Base64.getDecoder().decode(base64Ciphertext));
    }

    private static Cipher cipher(int mode, String apiV3Key, String nonce, String associatedData)
            throws GeneralSecurityException {
        byte[] key = apiV3Key.getBytes(StandardCharsets.UTF_8);
        if (key.length != 32) {
            throw new IllegalArgumentException("the APIv3 key must be 32 bytes, got " + key.length);
        }
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
