package io.tongbao.payment.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.tongbao.common.error.ApiException;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.channel.RefundRequest;

/**
 * Sends a PROCESSING refund to its channel, always under the same refund number, and applies the answer. No answer
 * (a timeout, a provider error) leaves it PROCESSING: the job asks the provider later, and a second send with the same
 * refund number can never refund twice.
 */
@Component
class RefundSender {

    private static final Logger log = LoggerFactory.getLogger(RefundSender.class);
    private final Channels channels;
    private final RefundResults results;
    private final RefundMapper refunds;

    RefundSender(Channels channels, RefundResults results, RefundMapper refunds) {
        this.channels = channels;
        this.results = results;
        this.refunds = refunds;
    }

    void send(Refund refund) {
        PaymentChannel channel = channels.of(refund.getChannel());
        long paid = refunds.paidFor(refund.getPayNo(), refund.getOrderNo());
        long refundedWithThis = refunds.refundedFor(refund.getPayNo(), refund.getOrderNo());
        RefundRequest request = new RefundRequest(refund.getPayNo(), refund.getRefundNo(), refund.getUserId(),
                refund.getAmountFen(), paid, refundedWithThis - refund.getAmountFen(), refund.getReason());
        ProviderRefund answer;
        try {
            answer = channel.refund(request);
        } catch (ApiException e) {
            if (e.status().is4xxClientError() || e.status().value() == 501) {
                results.failed(refund, e.code() + ": " + e.getMessage());
                return;
            }
            log.warn("Refund {} not answered by {} ({}); the job will ask", refund.getRefundNo(), channel.name(), e.code());
            return;
        } catch (RuntimeException e) {
            log.warn("Refund {} not answered by {} ({}); the job will ask", refund.getRefundNo(), channel.name(),
                    e.getClass().getSimpleName());
            return;
        }
        results.apply(channel.name(), refund.getRefundNo(), answer);
    }

    /** The job's question for a refund still PROCESSING: asked, and sent again when the provider never got it. */
    void settle(Refund refund) {
        PaymentChannel channel = channels.of(refund.getChannel());
        ProviderRefund answer = channel.queryRefund(refund.getPayNo(), refund.getRefundNo());
        if (answer.status() == ProviderRefund.Status.NOT_EXIST) {
            send(refund);
        } else {
            results.apply(channel.name(), refund.getRefundNo(), answer);
        }
    }
}
