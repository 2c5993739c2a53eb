package io.tongbao.payment.refund;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.tongbao.common.money.Money;

/** The Refund of API.md. */
record RefundView(String refundNo, String orderNo, String payNo, String channel, String amount, String currency,
        String kind, String reason, String status, OffsetDateTime createdAt, OffsetDateTime succeededAt,
        String failureReason) {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    static RefundView of(Refund r) {
        return new RefundView(r.getRefundNo(), r.getOrderNo(), r.getPayNo(), r.getChannel(), Money.toYuan(r.getAmountFen()),
                Money.CNY, r.getKind(), r.getReason(), r.getStatus(),
                r.getCreatedAt() == null ? null : r.getCreatedAt().atOffset(CHINA),
                r.getSucceededAt() == null ? null : r.getSucceededAt().atOffset(CHINA), r.getFailureReason());
    }
}
