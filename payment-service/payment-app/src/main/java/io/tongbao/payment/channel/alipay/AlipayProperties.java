package io.tongbao.payment.channel.alipay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant app at Alipay (or at the sandbox, which differs only in the gateway URL and keys). Keys are base64:
 * the app's PKCS#8 private key, and Alipay's X.509 public key.
 */
@ConfigurationProperties("tongbao.alipay")
public record AlipayProperties(String appId, String privateKey, String alipayPublicKey, String gatewayUrl,
        String notifyUrl, String returnUrl) {

    public boolean configured() {
        return notBlank(appId) && notBlank(privateKey) && notBlank(alipayPublicKey) && notBlank(gatewayUrl);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "AlipayProperties[appId=" + appId + ", gatewayUrl=" + gatewayUrl + ", keys=<hidden>]";
    }
}
