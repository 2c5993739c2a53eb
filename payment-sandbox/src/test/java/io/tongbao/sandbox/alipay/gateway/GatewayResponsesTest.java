package io.tongbao.sandbox.alipay.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import io.tongbao.sandbox.alipay.sign.PlatformKeys;
import io.tongbao.sandbox.alipay.sign.RsaSigner;
import io.tongbao.sandbox.alipay.sign.SignType;
import io.tongbao.sandbox.config.SandboxProperties;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayResponsesTest {

    @TempDir
    Path dir;

    @Test
    void signsTheExactNodeCharactersWithTheMethodNodeFirstAndSignLast() {
        var keys = new PlatformKeys(new SandboxProperties(dir, null));
        var fields = new LinkedHashMap<String, Object>();
        fields.put("qr_code", "http://h/cashier/alipay/o1");
        fields.put("subject", "中文");

        String body = new String(new GatewayResponses(keys).success("alipay.trade.precreate", SignType.RSA2, fields),
                StandardCharsets.UTF_8);

        String prefix = "{\"alipay_trade_precreate_response\":";
        assertThat(body).startsWith(prefix + "{\"code\":\"10000\",\"msg\":\"Success\",")
                .contains("http://h/cashier/alipay/o1", "中文");
        int signAt = body.lastIndexOf(",\"sign\":\"");
        String node = body.substring(prefix.length(), signAt);
        String sign = body.substring(signAt + ",\"sign\":\"".length(), body.length() - 2);
        assertThat(RsaSigner.verify(node, sign, RsaKeys.publicKey(keys.publicKeyBase64()), SignType.RSA2)).isTrue();
    }

    @Test
    void answersErrorsInTheMethodNodeAndUsesErrorResponseOnlyWithoutAMethod() {
        var responses = new GatewayResponses(new PlatformKeys(new SandboxProperties(dir, null)));
        var error = GatewayError.missing("isv.missing-method", "缺少method参数");

        assertThat(new String(responses.error("alipay.trade.query", SignType.RSA2, error), StandardCharsets.UTF_8))
                .startsWith("{\"alipay_trade_query_response\":{\"code\":\"40001\"");
        assertThat(new String(responses.error(null, SignType.RSA2, error), StandardCharsets.UTF_8))
                .startsWith("{\"error_response\":{");
        assertThat(new String(responses.error("x\"y", SignType.RSA2, error), StandardCharsets.UTF_8))
                .startsWith("{\"error_response\":{");
    }
}
