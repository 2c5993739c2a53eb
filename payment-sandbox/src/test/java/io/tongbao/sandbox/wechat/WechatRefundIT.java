package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import org.junit.jupiter.api.Test;

/** Refunds through the official SDK: accepted as PROCESSING, then SUCCESS; idempotent; capped by what is left. */
class WechatRefundIT extends WechatITSupport {

    @Test
    void partialRefundIsAcceptedThenSucceedsAndTheTradeRemembersIt() throws Exception {
        String outTradeNo = paidTrade(1000);

        Refund created = refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 300, 1000, null));

        assertThat(created.getStatus()).isEqualTo(Status.PROCESSING);
        assertThat(created.getRefundId()).isNotBlank();
        assertThat(created.getAmount().getRefund()).isEqualTo(300L);
        Refund queried = queryRefund("rf_" + outTradeNo);
        assertThat(queried.getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(queried.getSuccessTime()).endsWith("+08:00");
        assertThat(queried.getRefundId()).isEqualTo(created.getRefundId());
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "3.00").containsEntry("status", "SUCCESS");
    }

    @Test
    void theSameOutRefundNoNeverRefundsTwice() throws Exception {
        String outTradeNo = paidTrade(1000);
        Refund first = refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 400, 1000, null));

        Refund again = refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 400, 1000, null));

        assertThat(again.getRefundId()).isEqualTo(first.getRefundId());
        assertThat(again.getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "4.00");
    }

    @Test
    void refusesMoreThanTheUnrefundedRest() throws Exception {
        String outTradeNo = paidTrade(1000);
        refunds().create(refundRequest(outTradeNo, "rf1_" + outTradeNo, 700, 1000, null));

        assertThatThrownBy(() -> refunds().create(refundRequest(outTradeNo, "rf2_" + outTradeNo, 301, 1000, null)))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("INVALID_REQUEST");
                });
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "7.00");
    }

    @Test
    void fullRefundTurnsTheTradeToRefundAndNotifiesTheRefundUrl() throws Exception {
        String outTradeNo = paidTrade(1000);
        try (var receiver = new WechatNotifyReceiver()) {
            refunds().create(refundRequest(outTradeNo, "rfa_" + outTradeNo, 600, 1000, receiver.url()));
            refunds().create(refundRequest(outTradeNo, "rfb_" + outTradeNo, 400, 1000, receiver.url()));

            assertThat(query(outTradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.REFUND);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
            var parser = new NotificationParser(config());
            RefundNotification notification = receiver.received().stream()
                    .map(r -> parser.parse(r.toRequestParam(), RefundNotification.class))
                    .filter(n -> n.getOutRefundNo().equals("rfb_" + outTradeNo)).findFirst().orElseThrow();
            assertThat(notification.getRefundStatus()).isEqualTo(Status.SUCCESS);
            assertThat(notification.getOutTradeNo()).isEqualTo(outTradeNo);
            assertThat(notification.getAmount().getRefund()).isEqualTo(400L);
            assertThat(receiver.received().get(0).body()).contains("\"event_type\":\"REFUND.SUCCESS\"",
                    "\"original_type\":\"refund\"", "\"associated_data\":\"refund\"");
        }
    }

    @Test
    void refundOfAnUnpaidTradeIsRefused() {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 1000, null);

        assertThatThrownBy(() -> refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 100, 1000, null)))
                .asInstanceOf(type(ServiceException.class))
                .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void queryOfAnUnknownRefundIsResourceNotExists() {
        assertThatThrownBy(() -> queryRefund("rf_unknown_" + newOutTradeNo()))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(404);
                    assertThat(e.getErrorCode()).isEqualTo("RESOURCE_NOT_EXISTS");
                });
    }

    private String paidTrade(int totalFen) throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, totalFen, null);
        post("/sandbox/wechat/trades/" + outTradeNo + "/pay?notify=false");
        return outTradeNo;
    }

    private RefundService refunds() {
        return new RefundService.Builder().httpClient(sdkHttp(config())).build();
    }

    private Refund queryRefund(String outRefundNo) {
        var request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return refunds().queryByOutRefundNo(request);
    }

    private static CreateRequest refundRequest(String outTradeNo, String outRefundNo, long refundFen, long totalFen,
                                               String notifyUrl) {
        var amount = new AmountReq();
        amount.setRefund(refundFen);
        amount.setTotal(totalFen);
        amount.setCurrency("CNY");
        var request = new CreateRequest();
        request.setOutTradeNo(outTradeNo);
        request.setOutRefundNo(outRefundNo);
        request.setReason("sandbox test");
        request.setNotifyUrl(notifyUrl);
        request.setAmount(amount);
        return request;
    }
}
