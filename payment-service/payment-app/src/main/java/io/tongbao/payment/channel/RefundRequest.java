package io.tongbao.payment.channel;

/**
 * A refund of {@code amountFen} of the trade {@code payNo} (of {@code totalFen}, of which {@code refundedBeforeFen}
 * was refunded before this one), known to the provider as {@code refundNo} on every try, for the payer {@code userId}.
 */
public record RefundRequest(String payNo, String refundNo, long userId, long amountFen, long totalFen,
        long refundedBeforeFen, String reason) {
}
