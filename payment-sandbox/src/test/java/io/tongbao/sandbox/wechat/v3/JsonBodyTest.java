package io.tongbao.sandbox.wechat.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;

import io.tongbao.sandbox.wechat.WechatError;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static JsonBody body(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNestedFieldsByPointer() {
        var json = body("{\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"o1\"}}");

        assertThat(json.requiredPositive("/amount/total")).isEqualTo(100);
        assertThat(json.text("/payer/openid")).contains("o1");
        assertThat(json.text("/scene_info/payer_client_ip")).isEmpty();
    }

    @Test
    void aMissingFieldIsParamErrorNamingIt() {
        assertThatThrownBy(() -> body("{\"amount\":{}}").requiredPositive("/amount/total"))
                .asInstanceOf(type(WechatError.class)).satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("PARAM_ERROR");
                    assertThat(e.detail()).containsEntry("field", "/amount/total").containsEntry("location", "body");
                });
    }

    @Test
    void amountsMustBePositiveIntegers() {
        assertThatThrownBy(() -> body("{\"amount\":{\"total\":1.5}}").requiredPositive("/amount/total"))
                .isInstanceOf(WechatError.class);
        assertThatThrownBy(() -> body("{\"amount\":{\"total\":\"100\"}}").requiredPositive("/amount/total"))
                .isInstanceOf(WechatError.class);
        assertThatThrownBy(() -> body("{\"amount\":{\"total\":0}}").requiredPositive("/amount/total"))
                .isInstanceOf(WechatError.class);
    }

    @Test
    void notifyUrlMustBeAbsoluteWithoutAQuery() {
        assertThat(body("{\"u\":\"http://payment:8080/api/payment/notify/wechat\"}").notifyUrl("/u", true))
                .contains("http://payment:8080/api/payment/notify/wechat");
        assertThatThrownBy(() -> body("{\"u\":\"https://m.example/n?x=1\"}").notifyUrl("/u", true))
                .isInstanceOf(WechatError.class);
        assertThatThrownBy(() -> body("{\"u\":\"/relative\"}").notifyUrl("/u", true)).isInstanceOf(WechatError.class);
        assertThat(body("{}").notifyUrl("/u", false)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsParamError() {
        assertThatThrownBy(() -> body("[1,2]")).isInstanceOf(WechatError.class);
        assertThatThrownBy(() -> body("{")).isInstanceOf(WechatError.class);
        assertThatThrownBy(() -> JsonBody.parse(new byte[0])).isInstanceOf(WechatError.class);
    }
}
