package io.tongbao.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tongbao.common.error.ApiException;
import io.tongbao.payment.channel.TradeRequest;
import tools.jackson.databind.json.JsonMapper;

/** What the WeChat channel decides before any call: its keys at start, and what each mode needs of the payer. */
class WechatChannelTest {

    private static final String PUBLIC_KEY = rsaPublicKey();

    private static WechatProperties merchant(String privateKey) {
        return new WechatProperties("1900000001", "wx0000000000000001", "5157F09EFDC096DE15EBE81A47057A72", privateKey,
                "0123456789abcdef0123456789abcdef", List.of(new WechatProperties.PublicKey("PUB_KEY_ID_1", PUBLIC_KEY)),
                "http://127.0.0.1:1", "https://example.com/api/payment/notify/wechat", null);
    }

    @Test
    void refusesToStartWithAKeyThatDoesNotParseAndNamesTheSettingButNotTheValue() {
        assertThatThrownBy(() -> new WechatChannel(merchant("bm90IGEga2V5"), JsonMapper.builder().build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tongbao.wechat")
                .hasMessageNotContaining("bm90IGEga2V5");
    }

    @Test
    void refusesJsapiWithoutAnOpenIdAndH5WithoutTheCallersAddress() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String privateKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        WechatChannel channel = new WechatChannel(merchant(privateKey), JsonMapper.builder().build());
        assertThat(channel.configured()).isTrue();
        assertThatThrownBy(() -> channel.check(request("JSAPI", null, "127.0.0.1"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> channel.check(request("H5", null, null))).isInstanceOf(ApiException.class);
        channel.check(request("JSAPI", "o-1", null));
        channel.check(request("H5", null, "127.0.0.1"));
        channel.check(request("NATIVE", null, null));
    }

    private static TradeRequest request(String mode, String openId, String clientIp) {
        return new TradeRequest("1", 1001, java.util.Set.of("GOODS"), mode, 100, "s", java.time.Instant.now().plusSeconds(600),
                openId, clientIp);
    }

    private static String rsaPublicKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
