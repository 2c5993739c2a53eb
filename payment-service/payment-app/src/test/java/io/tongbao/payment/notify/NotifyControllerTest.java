package io.tongbao.payment.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tongbao.payment.attempt.PaymentResults;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.InboundNotify;
import io.tongbao.payment.channel.NotifyAck;
import io.tongbao.payment.channel.NotifyHandling;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.metrics.NotifyMetrics;
import io.tongbao.payment.refund.RefundResults;

/** The one notify entry: how it reads a notify, when it applies one, and which answer it lets the channel word. */
class NotifyControllerTest {

    private static final ProviderTrade PAID = new ProviderTrade(ProviderTrade.Status.PAID, 1250, "t1", null);
    private final PaymentChannel channel = mock(PaymentChannel.class);
    private final PaymentResults results = mock(PaymentResults.class);
    private final RefundResults refunds = mock(RefundResults.class);
    private NotifyController controller;

    @BeforeEach
    void aChannelNamedWechat() {
        when(channel.name()).thenReturn("WECHAT");
        when(channel.acknowledge(any())).thenAnswer(i -> new NotifyAck(
                i.getArgument(0) == NotifyHandling.ACCEPTED ? 204 : 400, "application/json", i.getArgument(0).toString()));
        controller = new NotifyController(new Channels(List.of(channel)), results,
                new NotifyMetrics(new SimpleMeterRegistry()), refunds);
    }

    private static MockHttpServletRequest json(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/payment/notify/wechat");
        request.setContentType("application/json");
        request.addHeader("Wechatpay-Serial", "PUB_KEY_ID_1");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void handsTheRawBodyAndLowerCasedHeadersToTheChannelAndAppliesAVerifiedUpdateOnce() {
        String body = "{\"id\":\"EV-1\",  \"resource\":{\"b\":1}}";
        when(channel.verifyNotify(any())).thenReturn(new NotifyVerdict.TradeUpdate("p1", PAID));
        when(results.apply("WECHAT", "p1", PAID)).thenReturn(PaymentResults.Outcome.RECORDED);
        assertThat(controller.notify("wechat", json(body)).getStatusCode().value()).isEqualTo(204);
        ArgumentCaptor<InboundNotify> read = ArgumentCaptor.forClass(InboundNotify.class);
        verify(channel).verifyNotify(read.capture());
        assertThat(read.getValue().body()).isEqualTo(body);
        assertThat(read.getValue().header("Wechatpay-Serial")).isEqualTo("PUB_KEY_ID_1");
        verify(results).apply("WECHAT", "p1", PAID);
    }

    @Test
    void appliesNothingThatTheChannelRefused() {
        when(channel.verifyNotify(any())).thenReturn(new NotifyVerdict.Refused("bad signature", "ref"));
        assertThat(controller.notify("wechat", json("{}")).getStatusCode().value()).isEqualTo(400);
        verify(results, never()).apply(anyString(), anyString(), any());
    }

    @Test
    void acceptsADuplicateAndRefusesAMismatchOrAnAttemptItDoesNotKnow() {
        when(channel.verifyNotify(any())).thenReturn(new NotifyVerdict.TradeUpdate("p1", PAID));
        when(results.apply(any(), any(), any())).thenReturn(PaymentResults.Outcome.ALREADY_RECORDED);
        assertThat(controller.notify("wechat", json("{}")).getBody()).isEqualTo("ACCEPTED");
        when(results.apply(any(), any(), any())).thenReturn(PaymentResults.Outcome.MISMATCH);
        assertThat(controller.notify("wechat", json("{}")).getBody()).isEqualTo("REFUSED");
        when(results.apply(any(), any(), any())).thenReturn(PaymentResults.Outcome.UNKNOWN_ATTEMPT);
        assertThat(controller.notify("wechat", json("{}")).getBody()).isEqualTo("REFUSED");
    }

    @Test
    void asksTheProviderToSendAgainWhenRecordingFails() {
        when(channel.verifyNotify(any())).thenReturn(new NotifyVerdict.TradeUpdate("p1", PAID));
        when(results.apply(any(), any(), any())).thenThrow(new IllegalStateException("database down"));
        assertThat(controller.notify("wechat", json("{}")).getBody()).isEqualTo("FAILED");
    }

    @Test
    void readsAFormNotifyAsItsFieldsAndAnswers404ForAChannelThatIsNotImplemented() {
        when(channel.verifyNotify(any())).thenReturn(new NotifyVerdict.Refused("x", "y"));
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/payment/notify/wechat");
        form.setContentType("application/x-www-form-urlencoded; charset=utf-8");
        form.addParameter("out_trade_no", "p1");
        controller.notify("wechat", form);
        ArgumentCaptor<InboundNotify> read = ArgumentCaptor.forClass(InboundNotify.class);
        verify(channel).verifyNotify(read.capture());
        assertThat(read.getValue().params()).containsEntry("out_trade_no", "p1");
        assertThat(controller.notify("paypal", json("{}")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void handsAVerifiedRefundUpdateToTheRefundPathAndRefusesAnUnknownRefund() {
        var refund = new io.tongbao.payment.channel.ProviderRefund("r1",
                io.tongbao.payment.channel.ProviderRefund.Status.SUCCESS, 500, "w1", null);
        when(channel.verifyNotify(any())).thenReturn(new NotifyVerdict.RefundUpdate("r1", refund));
        when(refunds.apply("WECHAT", "r1", refund)).thenReturn(RefundResults.Outcome.RECORDED);
        assertThat(controller.notify("wechat", json("{}")).getStatusCode().value()).isEqualTo(204);
        when(refunds.apply("WECHAT", "r1", refund)).thenReturn(RefundResults.Outcome.UNKNOWN_REFUND);
        assertThat(controller.notify("wechat", json("{}")).getBody()).isEqualTo("REFUSED");
        verify(results, never()).apply(anyString(), anyString(), any());
    }
}
