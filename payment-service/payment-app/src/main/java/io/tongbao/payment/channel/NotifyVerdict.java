package io.tongbao.payment.channel;

/** What a channel made of a notify: a verified trade or refund update of ours, or a reason to refuse it. */
public sealed interface NotifyVerdict {

    /** Verified and ours: what the provider says about trade {@code payNo}. */
    record TradeUpdate(String payNo, ProviderTrade trade) implements NotifyVerdict {
    }

    /** Verified and ours: what the provider says about refund {@code refundNo}. */
    record RefundUpdate(String refundNo, ProviderRefund refund) implements NotifyVerdict {
    }

    /** Not to be applied: forged, tampered, stale, another merchant's, malformed, or of a kind we do not handle. */
    record Refused(String reason, String reference) implements NotifyVerdict {
    }
}
