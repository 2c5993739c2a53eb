package io.tongbao.sandbox.alipay.app;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Merchant apps registered at start, as if their public keys had been uploaded to the open platform. */
@ConfigurationProperties("sandbox.alipay")
public record AlipayAppProperties(List<App> apps) {

    public AlipayAppProperties {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    public record App(String appId, String appPublicKey) {
    }
}
