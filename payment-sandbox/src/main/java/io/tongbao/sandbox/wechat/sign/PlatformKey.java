package io.tongbao.sandbox.wechat.sign;

import java.security.KeyPair;

import io.tongbao.sandbox.crypto.RsaKeys;

/**
 * One "WeChat Pay public key" pair and its id ({@code PUB_KEY_ID_…}), which travels as {@code Wechatpay-Serial}.
 *
 * @param ownerMchId the merchant it was made for, or null for the default key every merchant starts with
 */
public record PlatformKey(String id, KeyPair pair, String ownerMchId) {

    public String publicKeyBase64() {
        return RsaKeys.encode(pair.getPublic());
    }

    public boolean usableBy(String mchId) {
        return ownerMchId == null || ownerMchId.equals(mchId);
    }
}
