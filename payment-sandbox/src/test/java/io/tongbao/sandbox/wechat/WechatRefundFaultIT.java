package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.awaitility.Awaitility.await;

import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Armed refund faults: a refund answered late is still made exactly once; a refused one succeeds on retry. */
class WechatRefundFaultIT extends WechatITSupport {

    private static final String FAULTS = "/sandbox/wechat/refund-faults";

    @AfterEach
    void disarm() throws Exception {
        delete(FAULTS);
    }

    @Test
    void delayedRefundTimesTheClientOutYetIsMadeAndNotifiedOnceAndARetryAnswersTheSameRefund() throws Exception {
        String outTradeNo = paidTrade(1000);
        String outRefundNo = "rf_" + outTradeNo;
        try (var receiver = new WechatNotifyReceiver()) {
            assertThat(arm("{\"mode\":\"DELAY\",\"delayMs\":3000,\"outTradeNo\":\"" + outTradeNo + "\"}").body())
                    .isEqualTo("{\"armed\":1}");
            RefundService impatient = refunds(Duration.ofSeconds(1));
            long start = System.nanoTime();

            assertThatThrownBy(() -> impatient.create(refundRequest(outTradeNo, outRefundNo, 300, receiver.url())))
                    .isInstanceOf(HttpException.class).hasCauseInstanceOf(SocketTimeoutException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));

            Refund queried = queryRefund(outRefundNo);
            assertThat(queried.getStatus()).isEqualTo(Status.SUCCESS);
            assertThat(queried.getAmount().getRefund()).isEqualTo(300L);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            RefundNotification notification = new NotificationParser(config())
                    .parse(receiver.received().get(0).toRequestParam(), RefundNotification.class);
            assertThat(notification.getOutRefundNo()).isEqualTo(outRefundNo);
            assertThat(notification.getRefundStatus()).isEqualTo(Status.SUCCESS);

            Refund retry = refunds().create(refundRequest(outTradeNo, outRefundNo, 300, receiver.url()));

            assertThat(retry.getRefundId()).isEqualTo(queried.getRefundId());
            assertThat(retry.getStatus()).isEqualTo(Status.SUCCESS);
            assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "3.00");
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void delayedRefundAnswersNormallyToAClientThatWaitsLongEnough() throws Exception {
        String outTradeNo = paidTrade(1000);
        arm("{\"mode\":\"DELAY\",\"delayMs\":1500,\"outTradeNo\":\"" + outTradeNo + "\"}");
        long start = System.nanoTime();

        Refund created = refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 200, null));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(created.getStatus()).isEqualTo(Status.PROCESSING);
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "2.00");
    }

    @Test
    void refusedRefundIsNotEnoughAndTheRetryWithTheSameNumberSucceeds() throws Exception {
        String outTradeNo = paidTrade(1000);
        String outRefundNo = "rf_" + outTradeNo;
        arm("{\"mode\":\"REFUSE\",\"outTradeNo\":\"" + outTradeNo + "\"}");

        assertThatThrownBy(() -> refunds().create(refundRequest(outTradeNo, outRefundNo, 300, null)))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(403);
                    assertThat(e.getErrorCode()).isEqualTo("NOT_ENOUGH");
                    assertThat(e.getErrorMessage()).isNotBlank();
                });
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "0.00");
        assertThatThrownBy(() -> queryRefund(outRefundNo)).asInstanceOf(type(ServiceException.class))
                .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo("RESOURCE_NOT_EXISTS"));

        Refund retry = refunds().create(refundRequest(outTradeNo, outRefundNo, 300, null));

        assertThat(retry.getStatus()).isEqualTo(Status.PROCESSING);
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "3.00");
    }

    @Test
    void faultArmedForTimesRefundsHitsExactlyThatMany() throws Exception {
        String outTradeNo = paidTrade(1000);
        assertThat(arm("{\"mode\":\"REFUSE\",\"times\":2,\"outTradeNo\":\"" + outTradeNo + "\"}").body())
                .isEqualTo("{\"armed\":2}");

        assertThat(refusal(outTradeNo, "rf_" + outTradeNo)).isEqualTo("NOT_ENOUGH");
        assertThat(refusal(outTradeNo, "rf_" + outTradeNo)).isEqualTo("NOT_ENOUGH");
        assertThat(refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 100, null)).getStatus())
                .isEqualTo(Status.PROCESSING);
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "1.00");
    }

    @Test
    void faultScopedToATradeSparesRefundsOfOtherTrades() throws Exception {
        String target = paidTrade(1000);
        String other = paidTrade(1000);
        arm("{\"mode\":\"REFUSE\",\"outTradeNo\":\"" + target + "\"}");

        refunds().create(refundRequest(other, "rf_" + other, 100, null));
        assertThat(refusal(target, "rf_" + target)).isEqualTo("NOT_ENOUGH");
        refunds().create(refundRequest(target, "rf_" + target, 100, null));

        assertThat(tradeView(other)).containsEntry("refundedAmount", "1.00");
        assertThat(tradeView(target)).containsEntry("refundedAmount", "1.00");
    }

    @Test
    void faultWithoutATradeHitsTheNextRefundOfAnyTrade() throws Exception {
        String outTradeNo = paidTrade(1000);
        arm("{\"mode\":\"REFUSE\"}");

        assertThat(refusal(outTradeNo, "rf_" + outTradeNo)).isEqualTo("NOT_ENOUGH");
        refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 100, null));
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "1.00");
    }

    @Test
    void deleteDisarmsEveryFault() throws Exception {
        String outTradeNo = paidTrade(1000);
        arm("{\"mode\":\"DELAY\",\"times\":3}");

        assertThat(delete(FAULTS).statusCode()).isEqualTo(204);

        long start = System.nanoTime();
        refunds().create(refundRequest(outTradeNo, "rf_" + outTradeNo, 100, null));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(tradeView(outTradeNo)).containsEntry("refundedAmount", "1.00");
    }

    private HttpResponse<String> arm(String json) throws Exception {
        return postJson(FAULTS, json);
    }

    private String paidTrade(int totalFen) throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, totalFen, null);
        post("/sandbox/wechat/trades/" + outTradeNo + "/pay?notify=false");
        return outTradeNo;
    }

    private String refusal(String outTradeNo, String outRefundNo) {
        try {
            refunds().create(refundRequest(outTradeNo, outRefundNo, 100, null));
            return "accepted";
        } catch (ServiceException e) {
            return e.getErrorCode();
        }
    }

    private RefundService refunds() {
        return new RefundService.Builder().httpClient(sdkHttp(config())).build();
    }

    private RefundService refunds(Duration readTimeout) {
        return new RefundService.Builder().httpClient(sdkHttp(config(), readTimeout)).build();
    }

    private Refund queryRefund(String outRefundNo) {
        var request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return refunds().queryByOutRefundNo(request);
    }

    private static CreateRequest refundRequest(String outTradeNo, String outRefundNo, long refundFen,
                                               String notifyUrl) {
        var amount = new AmountReq();
        amount.setRefund(refundFen);
        amount.setTotal(1000L);
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
