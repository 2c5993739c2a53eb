package io.tongbao.payment.channel;

import java.time.Instant;

/**
 * What a provider says about a trade, in our terms. {@code totalFen} is 0 when the trade does not exist. Each channel
 * maps its own trade states onto {@link Status}; the flow never sees a provider's words.
 */
public record ProviderTrade(Status status, long totalFen, String tradeNo, Instant paidAt) {

    public enum Status {
        WAITING, PAID, CLOSED, NOT_EXIST
    }

    public static ProviderTrade notExist() {
        return new ProviderTrade(Status.NOT_EXIST, 0, null, null);
    }

    public boolean paid() {
        return status == Status.PAID;
    }
}
