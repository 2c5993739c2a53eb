package io.tongbao.sandbox.wechat.merchant;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Merchants known from the start, as if they had registered their API certificate and APIv3 key with WeChat Pay.
 * Relaxed binding lets the local stack pass them by environment: {@code SANDBOX_WECHAT_MERCHANTS_0_MCH_ID} and so on.
 */
@ConfigurationProperties("sandbox.wechat")
public record WechatMerchantProperties(List<MerchantSettings> merchants) {

    public WechatMerchantProperties {
        merchants = merchants == null ? List.of() : List.copyOf(merchants);
    }

    /**
     * @param merchantSerialNo  the serial of the merchant API certificate, sent as serial_no in Authorization
     * @param merchantPublicKey base64 X.509 SubjectPublicKeyInfo of the merchant API key, to verify requests with
     * @param apiV3Key          32 characters, the AES-256-GCM key of notify resources
     */
    public record MerchantSettings(String mchId, String appId, String merchantSerialNo, String merchantPublicKey,
                                   String apiV3Key) {
    }
}
