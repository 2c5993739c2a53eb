package io.tongbao.sandbox.wechat;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import org.junit.jupiter.api.Test;

/** Pay, query, close and expiry through the official SDK, which verifies every 2xx signature (the 204 too). */
class WechatTradeIT extends WechatITSupport {

    @Test
    void payHookMakesTheTradeSuccessfulWithPaymentDetails() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 1250, null);

        var paid = post("/sandbox/wechat/trades/" + outTradeNo + "/pay?notify=false");

        assertThat(paid.statusCode()).isEqualTo(200);
        Transaction trade = query(outTradeNo);
        assertThat(trade.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertThat(trade.getTransactionId()).hasSize(28).startsWith("4200");
        assertThat(trade.getSuccessTime()).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(trade.getSuccessTime()).getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(trade.getPayer().getOpenid()).isNotBlank();
        assertThat(trade.getAmount().getPayerTotal()).isEqualTo(1250);
        assertThat(trade.getAmount().getCurrency()).isEqualTo("CNY");
        assertThat(tradeView(outTradeNo)).containsEntry("status", "SUCCESS").containsEntry("totalAmount", "12.50")
                .containsEntry("refundedAmount", "0.00");
    }

    @Test
    void closeAnswersASigned204ThatTheSdkAccepts() {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 500, null);

        nativePay().closeOrder(closeRequest(outTradeNo));

        assertThat(query(outTradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
    }

    @Test
    void closingAPaidTradeIsRefusedWithOrderPaid() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 500, null);
        post("/sandbox/wechat/trades/" + outTradeNo + "/pay?notify=false");

        assertThatThrownBy(() -> nativePay().closeOrder(closeRequest(outTradeNo)))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("ORDERPAID");
                });
    }

    @Test
    void queryOfAnUnknownTradeIsOrderNotExist() {
        assertThatThrownBy(() -> query(newOutTradeNo())).asInstanceOf(type(ServiceException.class))
                .satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(404);
                    assertThat(e.getErrorCode()).isEqualTo("ORDER_NOT_EXIST");
                });
    }

    @Test
    void sameOrderAgainGetsTheSameCodeUrlButAnotherAmountIsOutTradeNoUsed() {
        String outTradeNo = newOutTradeNo();
        String first = prepayNative(outTradeNo, 100, null);

        assertThat(prepayNative(outTradeNo, 100, null)).isEqualTo(first);
        assertThatThrownBy(() -> prepayNative(outTradeNo, 200, null)).asInstanceOf(type(ServiceException.class))
                .satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(403);
                    assertThat(e.getErrorCode()).isEqualTo("OUT_TRADE_NO_USED");
                });
    }

    @Test
    void tradeClosesWhenTimeExpirePasses() throws Exception {
        String outTradeNo = newOutTradeNo();
        var request = nativeRequest(outTradeNo, 100, null);
        request.setTimeExpire(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(1).withNano(0)));
        nativePay().prepay(request);

        await().atMost(Duration.ofSeconds(5)).until(
                () -> query(outTradeNo).getTradeState() == Transaction.TradeStateEnum.CLOSED);
        assertThat(post("/sandbox/wechat/trades/" + outTradeNo + "/pay").statusCode()).isEqualTo(409);
    }

    private static CloseOrderRequest closeRequest(String outTradeNo) {
        var request = new CloseOrderRequest();
        request.setMchid(MCH_ID);
        request.setOutTradeNo(outTradeNo);
        return request;
    }
}
