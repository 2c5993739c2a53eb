package io.tongbao.payment.channel.alipay;

import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.b64;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.rsa;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The return_url parameters: which payment the browser comes back from, only when Alipay signed them for us. */
class AlipayReturnsTest {

    private static final KeyPair PLATFORM = rsa();
    private static final String APP_ID = "2021000000000001";
    private final AlipayReturns returns = new AlipayReturns(new AlipayProperties(APP_ID,
            b64(rsa().getPrivate().getEncoded()), b64(PLATFORM.getPublic().getEncoded()), "http://127.0.0.1:1/gateway.do",
            null, "http://127.0.0.1:1/api/payment/return/alipay"));

    private static Map<String, String> params(String payNo, String appId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("charset", "utf-8");
        p.put("out_trade_no", payNo);
        p.put("method", "alipay.trade.page.pay.return");
        p.put("total_amount", "199.00");
        p.put("trade_no", "2026120222001" + payNo);
        p.put("auth_app_id", appId);
        p.put("app_id", appId);
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("timestamp", "2026-12-02 17:00:00");
        return p;
    }

    @Test
    void aReturnSignedByAlipayForOurAppNamesItsPayment() throws Exception {
        assertThat(returns.payNo(Map.copyOf(signed(params("123", APP_ID), PLATFORM)))).contains("123");
    }

    @Test
    void refusesAnUnsignedTamperedForeignOrOtherAppsReturn() throws Exception {
        assertThat(returns.payNo(params("123", APP_ID))).as("unsigned").isEmpty();
        Map<String, String> tampered = signed(params("123", APP_ID), PLATFORM);
        tampered.put("out_trade_no", "124");
        assertThat(returns.payNo(tampered)).as("tampered").isEmpty();
        assertThat(returns.payNo(signed(params("123", APP_ID), rsa()))).as("another key").isEmpty();
        assertThat(returns.payNo(signed(params("123", "2021000000000999"), PLATFORM))).as("another app").isEmpty();
        Map<String, String> noTrade = params("123", APP_ID);
        noTrade.remove("out_trade_no");
        assertThat(returns.payNo(signed(noTrade, PLATFORM))).as("no out_trade_no").isEmpty();
    }
}
