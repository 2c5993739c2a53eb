package io.tongbao.payment.channel;

import java.time.Instant;

/**
 * One completed payment or refund on a provider's bill, in our terms. {@code outTradeNo} is our payNo;
 * {@code refundNo} is our refund number (null for a payment); {@code at} is when the provider completed it.
 */
public record BillEntry(Kind kind, String outTradeNo, String refundNo, String providerTradeNo, long amountFen,
        Instant at) {

    public enum Kind {
        PAYMENT, REFUND
    }
}
