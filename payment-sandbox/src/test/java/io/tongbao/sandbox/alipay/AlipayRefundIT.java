package io.tongbao.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import org.junit.jupiter.api.Test;

/** Refund semantics: per out_request_no, cumulative refund_fee, fund_change only when money moves. */
class AlipayRefundIT extends SandboxITSupport {

    @Test
    void partialRefundsAccumulateAndTheLastOneClosesTheTrade() throws Exception {
        String outTradeNo = paidTrade("10.00");

        AlipayTradeRefundResponse first = refund(outTradeNo, "r1", "3.00");
        AlipayTradeRefundResponse second = refund(outTradeNo, "r2", "7.00");

        assertThat(first.isSuccess()).as(first.getBody()).isTrue();
        assertThat(first.getFundChange()).isEqualTo("Y");
        assertThat(first.getRefundFee()).isEqualTo("3.00");
        assertThat(first.getGmtRefundPay()).isNotNull();
        assertThat(second.getFundChange()).isEqualTo("Y");
        assertThat(second.getRefundFee()).isEqualTo("10.00");
        assertThat(tradeStatus(outTradeNo)).isEqualTo("TRADE_CLOSED");
    }

    @Test
    void repeatingARefundMovesNoMoneyAndChangingItIsRefused() throws Exception {
        String outTradeNo = paidTrade("10.00");
        refund(outTradeNo, "r1", "4.00");

        AlipayTradeRefundResponse repeat = refund(outTradeNo, "r1", "4.00");
        AlipayTradeRefundResponse discordant = refund(outTradeNo, "r1", "5.00");

        assertThat(repeat.isSuccess()).isTrue();
        assertThat(repeat.getFundChange()).isEqualTo("N");
        assertThat(repeat.getRefundFee()).isEqualTo("4.00");
        assertThat(discordant.getSubCode()).isEqualTo("ACQ.DISCORDANT_REPEAT_REQUEST");
        assertThat(tradeStatus(outTradeNo)).isEqualTo("TRADE_SUCCESS");
        assertThat(get("/sandbox/alipay/trades/" + outTradeNo).body()).contains("\"refundedAmount\":\"4.00\"");
    }

    @Test
    void refusesMoreThanTheRemainingAmount() throws Exception {
        String outTradeNo = paidTrade("10.00");
        refund(outTradeNo, "r1", "6.00");

        AlipayTradeRefundResponse over = refund(outTradeNo, "r2", "4.01");

        assertThat(over.isSuccess()).isFalse();
        assertThat(over.getSubCode()).isEqualTo("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");
    }

    @Test
    void withoutARequestNumberOnlyTheWholeAmountCanBeRefunded() throws Exception {
        String outTradeNo = paidTrade("10.00");

        assertThat(refund(outTradeNo, null, "5.00").getSubCode()).isEqualTo("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");
        AlipayTradeRefundResponse full = refund(outTradeNo, null, "10.00");
        assertThat(full.getFundChange()).isEqualTo("Y");
        assertThat(refundQuery(outTradeNo, outTradeNo).getRefundStatus()).isEqualTo("REFUND_SUCCESS");
    }

    @Test
    void refusesToRefundAnUnpaidTrade() throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, "10.00", null);

        assertThat(refund(outTradeNo, "r1", "1.00").getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
    }

    @Test
    void refundQueryReportsSuccessOnlyForRefundsThatHappened() throws Exception {
        String outTradeNo = paidTrade("10.00");
        refund(outTradeNo, "r1", "2.50");

        AlipayTradeFastpayRefundQueryResponse known = refundQuery(outTradeNo, "r1");
        AlipayTradeFastpayRefundQueryResponse unknown = refundQuery(outTradeNo, "r9");

        assertThat(known.isSuccess()).as(known.getBody()).isTrue();
        assertThat(known.getRefundStatus()).isEqualTo("REFUND_SUCCESS");
        assertThat(known.getRefundAmount()).isEqualTo("2.50");
        assertThat(known.getTotalAmount()).isEqualTo("10.00");
        assertThat(unknown.isSuccess()).isTrue();
        assertThat(unknown.getRefundStatus()).isNull();
    }

    @Test
    void refundNotifiesCarryTheCumulativeRefundFee() throws Exception {
        try (var receiver = new NotifyReceiver()) {
            String outTradeNo = newOutTradeNo();
            precreate(outTradeNo, "10.00", receiver.url());
            post("/sandbox/alipay/trades/" + outTradeNo + "/pay?notify=false");

            refund(outTradeNo, "r1", "10.00");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            var notify = receiver.received().get(0);
            assertThat(notify).containsEntry("trade_status", "TRADE_CLOSED").containsEntry("refund_fee", "10.00")
                    .containsEntry("out_biz_no", "r1").containsKey("gmt_refund");
            assertThat(AlipaySignature.rsaCheckV1(notify, platformPublicKey, "UTF-8", "RSA2")).isTrue();
        }
    }

    private String paidTrade(String amount) throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, amount, null);
        post("/sandbox/alipay/trades/" + outTradeNo + "/pay");
        return outTradeNo;
    }

    private AlipayTradeRefundResponse refund(String outTradeNo, String outRequestNo, String amount) throws Exception {
        var request = new AlipayTradeRefundRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"refund_amount\":\"" + amount + "\""
                + (outRequestNo == null ? "" : ",\"out_request_no\":\"" + outRequestNo + "\"") + "}");
        return client().execute(request);
    }

    private AlipayTradeFastpayRefundQueryResponse refundQuery(String outTradeNo, String outRequestNo)
            throws Exception {
        var request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"out_request_no\":\"" + outRequestNo + "\"}");
        return client().execute(request);
    }

    private String tradeStatus(String outTradeNo) throws Exception {
        var request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\"}");
        return client().execute(request).getTradeStatus();
    }
}
