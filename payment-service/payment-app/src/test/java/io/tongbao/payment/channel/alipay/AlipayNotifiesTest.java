package io.tongbao.payment.channel.alipay;

import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.b64;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.notifyParams;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.rsa;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.ProviderTrade;

/** Alipay notify verification and parsing, and the order of its checks, with real RSA2 signatures and no Spring. */
class AlipayNotifiesTest {

    private static final KeyPair PLATFORM = rsa();
    private static final String APP_ID = "2021000000000001";
    private final AlipayNotifies notifies = new AlipayNotifies(new AlipayProperties(APP_ID,
            b64(rsa().getPrivate().getEncoded()), b64(PLATFORM.getPublic().getEncoded()), "http://127.0.0.1:1/gateway.do",
            null, null));

    /** As the notify entry hands them over: an immutable map. */
    private NotifyVerdict verify(Map<String, String> params, KeyPair key) throws Exception {
        return notifies.verify(Map.copyOf(signed(params, key)));
    }

    @Test
    void turnsAVerifiedPaidNotifyIntoATradeUpdateInFen() throws Exception {
        Map<String, String> params = notifyParams("123", "12.50", "TRADE_SUCCESS", APP_ID);
        params.put("gmt_payment", "2026-11-24 18:00:01");
        NotifyVerdict verdict = verify(params, PLATFORM);
        assertThat(verdict).isEqualTo(new NotifyVerdict.TradeUpdate("123", new ProviderTrade(ProviderTrade.Status.PAID,
                1250, "2026112422001123", Instant.parse("2026-11-24T10:00:01Z"))));
    }

    @Test
    void refusesANotifySignedWithAnotherKeyOrTamperedAfterSigning() throws Exception {
        assertThat(verify(notifyParams("123", "12.50", "TRADE_SUCCESS", APP_ID), rsa()))
                .isInstanceOf(NotifyVerdict.Refused.class);
        Map<String, String> tampered = signed(notifyParams("123", "12.50", "TRADE_SUCCESS", APP_ID), PLATFORM);
        tampered.put("total_amount", "0.01");
        assertThat(notifies.verify(tampered)).isInstanceOf(NotifyVerdict.Refused.class);
        Map<String, String> unsigned = notifyParams("123", "12.50", "TRADE_SUCCESS", APP_ID);
        assertThat(notifies.verify(unsigned)).isInstanceOf(NotifyVerdict.Refused.class);
    }

    @Test
    void refusesAnotherAppAMalformedAmountAndAnUnknownStatusEvenWhenSigned() throws Exception {
        assertThat(verify(notifyParams("123", "12.50", "TRADE_SUCCESS", "2021999999999999"), PLATFORM))
                .isInstanceOf(NotifyVerdict.Refused.class);
        assertThat(verify(notifyParams("123", "12.5.0", "TRADE_SUCCESS", APP_ID), PLATFORM))
                .isInstanceOf(NotifyVerdict.Refused.class);
        assertThat(verify(notifyParams("123", "-1.00", "TRADE_SUCCESS", APP_ID), PLATFORM))
                .isInstanceOf(NotifyVerdict.Refused.class);
        assertThat(verify(notifyParams("123", "12.50", "TRADE_PENDING", APP_ID), PLATFORM))
                .isInstanceOf(NotifyVerdict.Refused.class);
    }

    @Test
    void treatsSuccessAndFinishedAsPaidAndClosedAsClosed() {
        assertThat(AlipayNotifies.status("TRADE_SUCCESS")).isEqualTo(ProviderTrade.Status.PAID);
        assertThat(AlipayNotifies.status("TRADE_FINISHED")).isEqualTo(ProviderTrade.Status.PAID);
        assertThat(AlipayNotifies.status("TRADE_CLOSED")).isEqualTo(ProviderTrade.Status.CLOSED);
        assertThat(AlipayNotifies.status("WAIT_BUYER_PAY")).isEqualTo(ProviderTrade.Status.WAITING);
    }

    @Test
    void refusesAnUnknownStatusInsteadOfGuessing() {
        assertThatThrownBy(() -> AlipayNotifies.status("TRADE_PENDING")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlipayNotifies.status(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
