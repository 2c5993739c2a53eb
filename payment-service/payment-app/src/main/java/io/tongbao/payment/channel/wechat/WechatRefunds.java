package io.tongbao.payment.channel.wechat;

import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;

import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.channel.RefundRequest;

/** Refunds in WeChat Pay's words and in ours. ABNORMAL is not final at WeChat Pay: it stays PROCESSING here. */
final class WechatRefunds {

    private WechatRefunds() {
    }

    /** The refund, with our notify URL so that WeChat Pay sends its REFUND.* notifies to the same entry. */
    static CreateRequest request(RefundRequest refund, String notifyUrl) {
        AmountReq amount = new AmountReq();
        amount.setRefund(refund.amountFen());
        amount.setTotal(refund.totalFen());
        amount.setCurrency("CNY");
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(refund.payNo());
        request.setOutRefundNo(refund.refundNo());
        request.setReason(refund.reason());
        request.setNotifyUrl(notifyUrl);
        request.setAmount(amount);
        return request;
    }

    static ProviderRefund of(String refundNo, Refund refund) {
        ProviderRefund.Status status = switch (refund.getStatus() == null ? "" : refund.getStatus().name()) {
            case "SUCCESS" -> ProviderRefund.Status.SUCCESS;
            case "CLOSED" -> ProviderRefund.Status.FAILED;
            default -> ProviderRefund.Status.PROCESSING;
        };
        long amount = refund.getAmount() == null || refund.getAmount().getRefund() == null ? 0
                : refund.getAmount().getRefund();
        return new ProviderRefund(refundNo, status, amount, refund.getRefundId(),
                WechatTrades.time(refund.getSuccessTime()));
    }
}
