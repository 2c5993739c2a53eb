package io.tongbao.payment.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tongbao.payment.attempt.PaymentResults;
import io.tongbao.payment.metrics.NotifyMetrics;

/** Notify parsing and the order of the checks, without a database: the gateway and the results are stand-ins. */
class AlipayNotifyControllerTest {

    private final AlipayGateway gateway = mock(AlipayGateway.class);
    private final PaymentResults results = mock(PaymentResults.class);
    private final AlipayNotifyController controller = new AlipayNotifyController(gateway, results,
            new NotifyMetrics(new SimpleMeterRegistry()));

    @BeforeEach
    void aVerifiedOwnApp() {
        when(gateway.verifyNotify(any())).thenReturn(true);
        when(gateway.appId()).thenReturn("2021000000000001");
        when(results.apply(anyString(), any())).thenReturn(PaymentResults.Outcome.RECORDED);
    }

    private static MockHttpServletRequest notify(Map<String, String> params) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/payment/notify/alipay");
        params.forEach(request::addParameter);
        return request;
    }

    private static Map<String, String> paid(String amount) {
        return Map.of("app_id", "2021000000000001", "out_trade_no", "123", "trade_no", "2026123",
                "trade_status", "TRADE_SUCCESS", "total_amount", amount, "sign", "s", "sign_type", "RSA2");
    }

    @Test
    void appliesAVerifiedPaidNotifyInFenAndAnswersSuccess() {
        assertThat(controller.notify(notify(paid("12.50")))).isEqualTo("success");
        verify(results).apply("123", new ProviderTrade(ProviderTrade.Status.PAID, 1250, "2026123", null));
    }

    @Test
    void answersFailWithoutApplyingWhenTheSignatureDoesNotVerify() {
        when(gateway.verifyNotify(any())).thenReturn(false);
        assertThat(controller.notify(notify(paid("12.50")))).isEqualTo("fail");
        verify(results, never()).apply(anyString(), any());
    }

    @Test
    void answersFailForAnotherAppAMalformedAmountOrAnUnknownStatus() {
        Map<String, String> otherApp = new java.util.HashMap<>(paid("12.50"));
        otherApp.put("app_id", "2021999999999999");
        Map<String, String> oddStatus = new java.util.HashMap<>(paid("12.50"));
        oddStatus.put("trade_status", "TRADE_PENDING");
        assertThat(controller.notify(notify(otherApp))).isEqualTo("fail");
        assertThat(controller.notify(notify(paid("12.5.0")))).isEqualTo("fail");
        assertThat(controller.notify(notify(paid("-1.00")))).isEqualTo("fail");
        assertThat(controller.notify(notify(oddStatus))).isEqualTo("fail");
        verify(results, never()).apply(anyString(), any());
    }

    @Test
    void answersFailWhenTheRecordingFailsSoThatAlipayRetries() {
        when(results.apply(anyString(), any())).thenThrow(new IllegalStateException("database down"));
        assertThat(controller.notify(notify(paid("12.50")))).isEqualTo("fail");
    }

    @Test
    void answersSuccessToADuplicateAndFailToAMismatch() {
        when(results.apply(anyString(), any())).thenReturn(PaymentResults.Outcome.ALREADY_RECORDED);
        assertThat(controller.notify(notify(paid("12.50")))).isEqualTo("success");
        when(results.apply(anyString(), any())).thenReturn(PaymentResults.Outcome.MISMATCH);
        assertThat(controller.notify(notify(paid("12.50")))).isEqualTo("fail");
    }
}
