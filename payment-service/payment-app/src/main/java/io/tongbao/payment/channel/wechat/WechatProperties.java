package io.tongbao.payment.channel.wechat;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant at WeChat Pay v3 (or at the sandbox, which differs only in the API base URL and keys). Keys come from
 * configuration or secrets, never from the repository:
 *
 * @param mchId            the merchant id
 * @param appId            the app (official account, mini program, app) the payments belong to
 * @param merchantSerialNo the serial of the merchant API certificate, sent with every request
 * @param privateKey       the merchant API private key, PKCS#8, base64 or PEM
 * @param apiV3Key         the APIv3 key (32 characters) that decrypts notifies
 * @param publicKeys       the WeChat Pay public keys by id; a response or notify signed with any of them is accepted,
 *                         so that ops add a new key before WeChat Pay switches to it (docs/operations.md)
 * @param apiBaseUrl       blank for WeChat Pay itself; otherwise every call goes to this scheme, host and port
 *                         (the sandbox), with the path and the signature unchanged
 * @param notifyUrl        where WeChat Pay sends payment notifies (our /api/payment/notify/wechat, through the gateway)
 * @param h5Type           scene_info.h5_info.type for H5 payments: Wap, iOS or Android
 */
@ConfigurationProperties("tongbao.wechat")
public record WechatProperties(String mchId, String appId, String merchantSerialNo, String privateKey, String apiV3Key,
        List<PublicKey> publicKeys, String apiBaseUrl, String notifyUrl, String h5Type) {

    /** One WeChat Pay public key and its id ({@code PUB_KEY_ID_…}), the id WeChat Pay sends as Wechatpay-Serial. */
    public record PublicKey(String id, String key) {

        @Override
        public String toString() {
            return "PublicKey[id=" + id + "]";
        }
    }

    public WechatProperties {
        publicKeys = publicKeys == null ? List.of()
                : publicKeys.stream().filter(k -> notBlank(k.id()) && notBlank(k.key())).toList();
        h5Type = notBlank(h5Type) ? h5Type : "Wap";
    }

    public boolean configured() {
        return notBlank(mchId) && notBlank(appId) && notBlank(merchantSerialNo) && notBlank(privateKey)
                && apiV3Key != null && apiV3Key.length() == 32 && !publicKeys.isEmpty() && notBlank(notifyUrl);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "WechatProperties[mchId=" + mchId + ", appId=" + appId + ", publicKeys=" + publicKeys + ", apiBaseUrl="
                + apiBaseUrl + ", keys=<hidden>]";
    }
}
