package io.tongbao.payment.attempt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.RestController;

import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.CloseResult;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.api.CloseOutcome;
import io.tongbao.payment.api.PaymentInternalApi;
import io.tongbao.payment.metrics.PaymentMetrics;

/**
 * Closes an order's open attempts at the provider when the order times out. A trade the provider will not close
 * because it is paid is queried and applied as a success instead, through the normal path.
 */
@RestController
class AttemptCloser implements PaymentInternalApi {

    private final PaymentService payments;
    private final PayAttemptMapper attempts;
    private final Channels channels;
    private final PaymentResults results;
    private final PaymentMetrics metrics;

    AttemptCloser(PaymentService payments, PayAttemptMapper attempts, Channels channels, PaymentResults results,
            PaymentMetrics metrics) {
        this.payments = payments;
        this.attempts = attempts;
        this.channels = channels;
        this.results = results;
        this.metrics = metrics;
    }

    @Override
    public CloseOutcome closeOpenAttempts(String orderNo) {
        boolean paid = false;
        List<String> closed = new ArrayList<>();
        for (PayAttempt attempt : payments.pendingOf(orderNo)) {
            PaymentChannel channel = channels.of(attempt.getChannel());
            if (channel.close(attempt.getPayNo()) == CloseResult.NOT_WAITING) {
                ProviderTrade trade = channel.query(attempt.getPayNo());
                results.apply(channel.name(), attempt.getPayNo(), trade);
                paid |= trade.paid();
            } else if (attempts.updatePendingToClosed(attempt.getPayNo(), Instant.now()) == 1) {
                metrics.moved(attempt.getChannel(), "CLOSED");
                closed.add(attempt.getPayNo());
            }
        }
        return new CloseOutcome(paid, closed);
    }
}
