package io.tongbao.payment.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.builder.MapperBuilderAssistant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.baomidou.mybatisplus.core.MybatisConfiguration;
import com.baomidou.mybatisplus.core.metadata.TableInfoHelper;

import io.tongbao.common.messaging.Outbox;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.api.event.PaymentSucceeded;
import io.tongbao.payment.metrics.PaymentMetrics;

/** The attempt state machine as PaymentResults drives it; the mapper's compare-and-set answers are stand-ins. */
class PaymentResultsTest {

    private final PayAttemptMapper attempts = mock(PayAttemptMapper.class);
    private final Outbox outbox = mock(Outbox.class);
    private final PaymentResults results = new PaymentResults(attempts, outbox, mock(PaymentMetrics.class));

    @BeforeAll
    static void tableMetadata() {
        TableInfoHelper.initTableInfo(new MapperBuilderAssistant(new MybatisConfiguration(), ""), PayAttempt.class);
    }

    @BeforeEach
    void aPendingAttemptOf1250Fen() {
        PayAttempt attempt = new PayAttempt();
        attempt.setPayNo("p1");
        attempt.setUserId(1001L);
        attempt.setChannel("ALIPAY");
        attempt.setAmountFen(1250L);
        attempt.setStatus("PENDING");
        when(attempts.selectOne(any())).thenReturn(attempt);
        when(attempts.ordersOf("p1")).thenReturn(List.of(new PayAttemptMapper.AttemptOrder("o1", 1250L)));
    }

    private static ProviderTrade trade(ProviderTrade.Status status, long fen) {
        return new ProviderTrade(status, fen, "t1", Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void recordsAPaymentOnceWithItsEventInTheOutbox() {
        when(attempts.updateToSuccess(eq("p1"), eq("t1"), any())).thenReturn(1);
        assertThat(results.apply("ALIPAY", "p1", trade(ProviderTrade.Status.PAID, 1250))).isEqualTo(PaymentResults.Outcome.RECORDED);
        ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
        verify(outbox).enqueue(eq(PaymentSucceeded.TOPIC), eq("ALIPAY"), eq("p1"), event.capture());
        PaymentSucceeded succeeded = (PaymentSucceeded) event.getValue();
        assertThat(succeeded.amountFen()).isEqualTo(1250);
        assertThat(succeeded.orders()).containsExactly(new PaymentSucceeded.PaidOrder("o1", 1250));
    }

    @Test
    void publishesNothingWhenTheCompareAndSetFindsItAlreadyRecorded() {
        when(attempts.updateToSuccess(anyString(), anyString(), any())).thenReturn(0);
        assertThat(results.apply("ALIPAY", "p1", trade(ProviderTrade.Status.PAID, 1250)))
                .isEqualTo(PaymentResults.Outcome.ALREADY_RECORDED);
        verify(outbox, never()).enqueue(anyString(), anyString(), anyString(), any());
    }

    @Test
    void changesNothingWhenTheProviderAmountDiffersFromOurs() {
        assertThat(results.apply("ALIPAY", "p1", trade(ProviderTrade.Status.PAID, 1))).isEqualTo(PaymentResults.Outcome.MISMATCH);
        assertThat(results.apply("ALIPAY", "p1", trade(ProviderTrade.Status.CLOSED, 1))).isEqualTo(PaymentResults.Outcome.MISMATCH);
        verify(attempts, never()).updateToSuccess(anyString(), anyString(), any());
        verify(attempts, never()).updatePendingToClosed(anyString(), any());
    }

    @Test
    void closesOnAClosedTradeAndWaitsOnAWaitingOne() {
        when(attempts.updatePendingToClosed(eq("p1"), any())).thenReturn(1);
        assertThat(results.apply("ALIPAY", "p1", trade(ProviderTrade.Status.CLOSED, 1250))).isEqualTo(PaymentResults.Outcome.RECORDED);
        assertThat(results.apply("ALIPAY", "p1", trade(ProviderTrade.Status.WAITING, 1250)))
                .isEqualTo(PaymentResults.Outcome.NOTHING_TO_DO);
        verify(outbox, never()).enqueue(anyString(), anyString(), anyString(), any());
    }

    @Test
    void knowsNothingOfAnUnknownAttempt() {
        when(attempts.selectOne(any())).thenReturn(null);
        assertThat(results.apply("ALIPAY", "nope", trade(ProviderTrade.Status.PAID, 1250)))
                .isEqualTo(PaymentResults.Outcome.UNKNOWN_ATTEMPT);
        verify(attempts, never()).updateToSuccess(anyString(), anyString(), any());
    }

    @Test
    void knowsNothingOfAnAttemptOfAnotherChannel() {
        assertThat(results.apply("WECHAT", "p1", trade(ProviderTrade.Status.PAID, 1250)))
                .isEqualTo(PaymentResults.Outcome.UNKNOWN_ATTEMPT);
        verify(attempts, never()).updateToSuccess(anyString(), anyString(), any());
        verify(outbox, never()).enqueue(anyString(), anyString(), anyString(), any());
    }

    @Test
    void recordsASettledPaymentWithInsertsOnlyAndItsEvent() {
        PayAttempt attempt = new PayAttempt();
        attempt.setPayNo("w1");
        attempt.setUserId(1001L);
        attempt.setChannel("WALLET");
        attempt.setAmountFen(1250L);
        results.recordSettled(attempt, List.of(new PayAttemptMapper.AttemptOrder("o1", 1250L)),
                trade(ProviderTrade.Status.PAID, 1250));
        assertThat(attempt.getStatus()).isEqualTo("SUCCESS");
        verify(attempts).insert(attempt);
        verify(attempts).insertOrder("w1", "o1", 1250L);
        verify(attempts, never()).updateToSuccess(anyString(), anyString(), any());
        verify(outbox).enqueue(eq(PaymentSucceeded.TOPIC), eq("WALLET"), eq("w1"), any());
    }

    @Test
    void refusesToRecordASettledPaymentThatIsNotPaidInFull() {
        PayAttempt attempt = new PayAttempt();
        attempt.setPayNo("w2");
        attempt.setAmountFen(1250L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> results.recordSettled(attempt, List.of(),
                trade(ProviderTrade.Status.PAID, 1000))).isInstanceOf(IllegalStateException.class);
        verify(attempts, never()).insert(any(PayAttempt.class));
    }
}
