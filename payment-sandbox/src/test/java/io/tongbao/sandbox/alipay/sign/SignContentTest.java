package io.tongbao.sandbox.alipay.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.Test;

class SignContentTest {

    @Test
    void buildsTheStringCapturedFromTheNodeSdk() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("version", "1.0");
        params.put("method", "alipay.trade.precreate");
        params.put("biz_content", "{\"out_trade_no\":\"o1\",\"total_amount\":\"1.00\",\"subject\":\"a/b 中\"}");
        params.put("app_id", "2021");
        params.put("sign_type", "RSA2");
        params.put("charset", "utf-8");
        params.put("notify_url", "http://x/n");
        params.put("sign", "ignored");

        assertThat(SignContent.of(params, SignContent.REQUEST_EXCLUDED)).isEqualTo(
                "app_id=2021&biz_content={\"out_trade_no\":\"o1\",\"total_amount\":\"1.00\",\"subject\":\"a/b 中\"}"
                        + "&charset=utf-8&method=alipay.trade.precreate&notify_url=http://x/n&sign_type=RSA2&version=1.0");
    }

    @Test
    void dropsBlankValuesLikeTheJavaSdk() {
        Map<String, String> params = new HashMap<>();
        params.put("b", "2");
        params.put("a", "1");
        params.put("empty", "");
        params.put("blank", "  ");
        params.put("nothing", null);

        assertThat(SignContent.of(params, SignContent.REQUEST_EXCLUDED))
                .isEqualTo(AlipaySignature.getSignContent(params))
                .isEqualTo("a=1&b=2");
    }

    @Test
    void notifyContentLeavesOutSignAndSignTypeAsRsaCheckV1Does() {
        Map<String, String> params = new HashMap<>();
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("total_amount", "0.01");
        params.put("sign_type", "RSA2");
        params.put("sign", "abc");

        assertThat(SignContent.of(params, SignContent.NOTIFY_EXCLUDED))
                .isEqualTo(AlipaySignature.getSignCheckContentV1(params))
                .isEqualTo("total_amount=0.01&trade_status=TRADE_SUCCESS");
    }

    @Test
    void sortsKeysInAsciiOrder() {
        Map<String, String> params = Map.of("a_b", "1", "aB", "2", "Ab", "3", "ab", "4");

        assertThat(SignContent.of(params, SignContent.REQUEST_EXCLUDED)).isEqualTo("Ab=3&aB=2&a_b=1&ab=4");
    }
}
