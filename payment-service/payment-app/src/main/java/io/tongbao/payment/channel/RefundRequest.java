package io.tongbao.payment.channel;

/** A refund of {@code amountFen} of the trade {@code payNo} (of {@code totalFen}), known to the provider as refundNo. */
public record RefundRequest(String payNo, String refundNo, long amountFen, long totalFen, String reason) {
}
