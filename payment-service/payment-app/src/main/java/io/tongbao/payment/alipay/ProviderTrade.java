package io.tongbao.payment.alipay;

import java.time.Instant;

/** What the provider says about a trade, in our terms. {@code totalFen} is 0 when the trade does not exist. */
public record ProviderTrade(Status status, long totalFen, String tradeNo, Instant paidAt) {

    public enum Status {
        WAITING, PAID, CLOSED, NOT_EXIST
    }

    public boolean paid() {
        return status == Status.PAID;
    }

    /** TRADE_SUCCESS and TRADE_FINISHED are both paid; TRADE_CLOSED is closed (or fully refunded). */
    public static Status fromAlipay(String tradeStatus) {
        return switch (tradeStatus == null ? "" : tradeStatus) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> Status.PAID;
            case "TRADE_CLOSED" -> Status.CLOSED;
            case "WAIT_BUYER_PAY" -> Status.WAITING;
            default -> throw new IllegalArgumentException("Unknown Alipay trade_status " + tradeStatus);
        };
    }
}
