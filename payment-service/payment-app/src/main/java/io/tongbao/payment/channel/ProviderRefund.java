package io.tongbao.payment.channel;

import java.time.Instant;

/** What a provider says about a refund, in our terms. */
public record ProviderRefund(String refundNo, Status status, long amountFen, String providerRefundNo, Instant refundedAt) {

    public enum Status {
        PROCESSING, SUCCESS, FAILED, NOT_EXIST
    }
}
