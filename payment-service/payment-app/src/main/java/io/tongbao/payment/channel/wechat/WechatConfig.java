package io.tongbao.payment.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.auth.Credential;
import com.wechat.pay.java.core.auth.Validator;
import com.wechat.pay.java.core.auth.WechatPay2Credential;
import com.wechat.pay.java.core.auth.WechatPay2Validator;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.AeadCipher;
import com.wechat.pay.java.core.cipher.PrivacyDecryptor;
import com.wechat.pay.java.core.cipher.PrivacyEncryptor;
import com.wechat.pay.java.core.cipher.RSAPrivacyDecryptor;
import com.wechat.pay.java.core.cipher.RSAPrivacyEncryptor;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.Signer;
import com.wechat.pay.java.core.cipher.Verifier;
import com.wechat.pay.java.core.notification.NotificationConfig;

/**
 * The SDK's public-key mode (what RSAPublicKeyConfig does), with a key ring instead of one key: requests are signed
 * with the merchant key; responses and notifies are verified with whichever configured WeChat Pay public key their
 * serial names; notifies are decrypted with the APIv3 key. No network call at start.
 */
final class WechatConfig implements Config, NotificationConfig {

    static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
    private final String mchId;
    private final String merchantSerialNo;
    private final PrivateKey privateKey;
    private final byte[] apiV3Key;
    private final WechatKeyRing keys;

    WechatConfig(WechatProperties properties) {
        this.mchId = properties.mchId();
        this.merchantSerialNo = properties.merchantSerialNo();
        this.privateKey = WechatKeyRing.privateKey(properties.privateKey());
        this.apiV3Key = properties.apiV3Key().getBytes(StandardCharsets.UTF_8);
        this.keys = new WechatKeyRing(properties.publicKeys());
    }

    WechatKeyRing keys() {
        return keys;
    }

    @Override
    public Signer createSigner() {
        return new RSASigner(merchantSerialNo, privateKey);
    }

    @Override
    public Credential createCredential() {
        return new WechatPay2Credential(mchId, createSigner());
    }

    @Override
    public Validator createValidator() {
        return new WechatPay2Validator(keys);
    }

    @Override
    public PrivacyEncryptor createEncryptor() {
        return new RSAPrivacyEncryptor(keys.primaryKey(), keys.getSerialNumber());
    }

    @Override
    public PrivacyDecryptor createDecryptor() {
        return new RSAPrivacyDecryptor(privateKey);
    }

    @Override
    public String getSignType() {
        return SIGN_TYPE;
    }

    @Override
    public String getCipherType() {
        return "AEAD_AES_256_GCM";
    }

    @Override
    public Verifier createVerifier() {
        return keys;
    }

    @Override
    public AeadCipher createAeadCipher() {
        return new AeadAesCipher(apiV3Key);
    }
}
