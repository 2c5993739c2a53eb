package io.tongbao.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Armed refund faults: a refund answered late is still made exactly once; a refused one succeeds on retry. */
class AlipayRefundFaultIT extends SandboxITSupport {

    private static final String FAULTS = "/sandbox/alipay/refund-faults";

    @AfterEach
    void disarm() throws Exception {
        delete(FAULTS);
    }

    @Test
    void delayedRefundTimesTheClientOutYetIsMadeOnceAndARetryAnswersTheSameRefund() throws Exception {
        try (var receiver = new NotifyReceiver()) {
            String outTradeNo = paidTrade("10.00", receiver.url());
            assertThat(arm("{\"mode\":\"DELAY\",\"delayMs\":3000,\"outTradeNo\":\"" + outTradeNo + "\"}").body())
                    .isEqualTo("{\"armed\":1}");
            long start = System.nanoTime();

            assertThatThrownBy(() -> refund(client(Duration.ofSeconds(1)), outTradeNo, "r1", "3.00"))
                    .isInstanceOf(AlipayApiException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            AlipayTradeFastpayRefundQueryResponse queried = refundQuery(outTradeNo, "r1");
            assertThat(queried.getRefundStatus()).isEqualTo("REFUND_SUCCESS");
            assertThat(queried.getRefundAmount()).isEqualTo("3.00");
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received().get(0)).containsEntry("out_biz_no", "r1")
                    .containsEntry("refund_fee", "3.00");

            AlipayTradeRefundResponse retry = refund(client(), outTradeNo, "r1", "3.00");

            assertThat(retry.isSuccess()).as(retry.getBody()).isTrue();
            assertThat(retry.getFundChange()).isEqualTo("N");
            assertThat(retry.getRefundFee()).isEqualTo("3.00");
            assertThat(refundedAmount(outTradeNo)).isEqualTo("3.00");
        }
    }

    @Test
    void delayedRefundAnswersNormallyToAClientThatWaitsLongEnough() throws Exception {
        String outTradeNo = paidTrade("10.00", null);
        arm("{\"mode\":\"DELAY\",\"delayMs\":1500,\"outTradeNo\":\"" + outTradeNo + "\"}");
        long start = System.nanoTime();

        AlipayTradeRefundResponse response = refund(client(), outTradeNo, "r1", "2.00");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        assertThat(response.getFundChange()).isEqualTo("Y");
        assertThat(refundedAmount(outTradeNo)).isEqualTo("2.00");
    }

    @Test
    void refusedRefundIsASignedBalanceErrorAndTheRetryWithTheSameNumberSucceeds() throws Exception {
        String outTradeNo = paidTrade("10.00", null);
        arm("{\"mode\":\"REFUSE\",\"outTradeNo\":\"" + outTradeNo + "\"}");

        AlipayTradeRefundResponse refused = refund(client(), outTradeNo, "r1", "3.00");

        assertThat(refused.isSuccess()).isFalse();
        assertThat(refused.getCode()).isEqualTo("40004");
        assertThat(refused.getSubCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
        assertThat(signatureHolds(refused.getBody())).isTrue();
        assertThat(refundedAmount(outTradeNo)).isEqualTo("0.00");
        assertThat(refundQuery(outTradeNo, "r1").getRefundStatus()).isNull();

        AlipayTradeRefundResponse retry = refund(client(), outTradeNo, "r1", "3.00");

        assertThat(retry.isSuccess()).as(retry.getBody()).isTrue();
        assertThat(retry.getFundChange()).isEqualTo("Y");
        assertThat(refundedAmount(outTradeNo)).isEqualTo("3.00");
    }

    @Test
    void faultArmedForTimesRefundsHitsExactlyThatMany() throws Exception {
        String outTradeNo = paidTrade("10.00", null);
        assertThat(arm("{\"mode\":\"REFUSE\",\"times\":2,\"outTradeNo\":\"" + outTradeNo + "\"}").body())
                .isEqualTo("{\"armed\":2}");

        assertThat(refund(client(), outTradeNo, "r1", "1.00").getSubCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
        assertThat(refund(client(), outTradeNo, "r1", "1.00").getSubCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
        assertThat(refund(client(), outTradeNo, "r1", "1.00").isSuccess()).isTrue();
        assertThat(refundedAmount(outTradeNo)).isEqualTo("1.00");
    }

    @Test
    void faultScopedToATradeSparesRefundsOfOtherTrades() throws Exception {
        String target = paidTrade("10.00", null);
        String other = paidTrade("10.00", null);
        arm("{\"mode\":\"REFUSE\",\"outTradeNo\":\"" + target + "\"}");

        assertThat(refund(client(), other, "r1", "1.00").isSuccess()).isTrue();
        assertThat(refund(client(), target, "r1", "1.00").getSubCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
        assertThat(refund(client(), target, "r1", "1.00").isSuccess()).isTrue();
    }

    @Test
    void faultWithoutATradeHitsTheNextRefundOfAnyTrade() throws Exception {
        String outTradeNo = paidTrade("10.00", null);
        arm("{\"mode\":\"REFUSE\"}");

        assertThat(refund(client(), outTradeNo, "r1", "1.00").getSubCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH");
        assertThat(refund(client(), outTradeNo, "r1", "1.00").isSuccess()).isTrue();
    }

    @Test
    void deleteDisarmsEveryFault() throws Exception {
        String outTradeNo = paidTrade("10.00", null);
        arm("{\"mode\":\"REFUSE\",\"times\":3}");

        assertThat(delete(FAULTS).statusCode()).isEqualTo(204);

        assertThat(refund(client(), outTradeNo, "r1", "1.00").isSuccess()).isTrue();
    }

    @Test
    void rejectsAnUnknownModeOrANonPositiveCount() throws Exception {
        var unknownMode = arm("{\"mode\":\"SLOW\"}");
        var zeroTimes = arm("{\"mode\":\"REFUSE\",\"times\":0}");

        assertThat(unknownMode.statusCode()).isEqualTo(400);
        assertThat(unknownMode.body()).contains("\"code\":\"INVALID_FAULT\"");
        assertThat(zeroTimes.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> arm(String json) throws Exception {
        return postJson(FAULTS, json);
    }

    private String paidTrade(String amount, String notifyUrl) throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, amount, notifyUrl);
        post("/sandbox/alipay/trades/" + outTradeNo + "/pay?notify=false");
        return outTradeNo;
    }

    private String refundedAmount(String outTradeNo) throws Exception {
        String body = get("/sandbox/alipay/trades/" + outTradeNo).body();
        return body.replaceAll(".*\"refundedAmount\":\"([^\"]*)\".*", "$1");
    }

    // the node between the method name and ,"sign", verified as the characters that came over the wire
    private boolean signatureHolds(String body) throws AlipayApiException {
        String node = body.substring(body.indexOf(':') + 1, body.lastIndexOf(",\"sign\":\""));
        String sign = body.substring(body.lastIndexOf(",\"sign\":\"") + 9, body.lastIndexOf('"'));
        return AlipaySignature.rsaCheck(node, sign, platformPublicKey, "UTF-8", "RSA2");
    }

    private static AlipayTradeRefundResponse refund(AlipayClient client, String outTradeNo, String outRequestNo,
                                                    String amount) throws AlipayApiException {
        var request = new AlipayTradeRefundRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"refund_amount\":\"" + amount
                + "\",\"out_request_no\":\"" + outRequestNo + "\"}");
        return client.execute(request);
    }

    private AlipayTradeFastpayRefundQueryResponse refundQuery(String outTradeNo, String outRequestNo)
            throws Exception {
        var request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"out_request_no\":\"" + outRequestNo + "\"}");
        return client().execute(request);
    }
}
