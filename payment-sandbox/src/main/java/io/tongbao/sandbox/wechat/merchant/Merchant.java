package io.tongbao.sandbox.wechat.merchant;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

import io.tongbao.sandbox.crypto.RsaKeys;

/** A merchant as WeChat Pay knows it: its ids, the key it signs requests with, and its APIv3 key. */
public record Merchant(String mchId, String appId, String merchantSerialNo, PublicKey merchantPublicKey,
                       String apiV3Key) {

    public Merchant {
        require(mchId, "mchId");
        require(appId, "appId");
        require(merchantSerialNo, "merchantSerialNo");
        if (apiV3Key == null || apiV3Key.getBytes(StandardCharsets.UTF_8).length != 32) {
            throw new IllegalArgumentException("apiV3Key must be 32 ASCII characters");
        }
    }

    public static Merchant of(String mchId, String appId, String merchantSerialNo, String merchantPublicKeyBase64,
                              String apiV3Key) {
        return new Merchant(trim(mchId), trim(appId), trim(merchantSerialNo), RsaKeys.publicKey(merchantPublicKeyBase64),
                apiV3Key);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
