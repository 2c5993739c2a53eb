package io.tongbao.sandbox.wechat.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The local stack passes merchants by environment; these are the names it uses. */
class WechatMerchantPropertiesTest {

    @Test
    void bindsMerchantsFromEnvironmentVariablesOverTheEmptyListInApplicationYml() {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SANDBOX_WECHAT_MERCHANTS_0_MCH_ID", "1900000001",
                        "SANDBOX_WECHAT_MERCHANTS_0_APP_ID", "wx8888888888888888",
                        "SANDBOX_WECHAT_MERCHANTS_0_MERCHANT_SERIAL_NO", "3775B6A4",
                        "SANDBOX_WECHAT_MERCHANTS_0_MERCHANT_PUBLIC_KEY", "MIIBIjAN",
                        "SANDBOX_WECHAT_MERCHANTS_0_API_V3_KEY", "0123456789abcdefghijABCDEFGHIJ01")));
        sources.addLast(new MapPropertySource("application.yml", Map.of("sandbox.wechat.merchants", "")));

        var bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind("sandbox.wechat", WechatMerchantProperties.class).get();

        assertThat(bound.merchants()).isEqualTo(List.of(new WechatMerchantProperties.MerchantSettings("1900000001",
                "wx8888888888888888", "3775B6A4", "MIIBIjAN", "0123456789abcdefghijABCDEFGHIJ01")));
    }
}
