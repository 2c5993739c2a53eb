package io.tongbao.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;

/** The server-to-server API through the official SDK, which also verifies every response signature. */
class AlipayGatewayIT extends SandboxITSupport {

    @Test
    void precreatedTradeWaitsForTheBuyerAndPointsAtTheCashier() throws Exception {
        String outTradeNo = newOutTradeNo();

        var created = precreate(outTradeNo, "12.30", null);

        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        assertThat(created.getOutTradeNo()).isEqualTo(outTradeNo);
        assertThat(created.getQrCode()).isEqualTo(base() + "/cashier/alipay/" + outTradeNo);
        AlipayTradeQueryResponse query = query(outTradeNo);
        assertThat(query.getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
        assertThat(query.getTotalAmount()).isEqualTo("12.30");
    }

    @Test
    void payHookMakesTheTradeSuccessful() throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, "0.01", null);

        var paid = post("/sandbox/alipay/trades/" + outTradeNo + "/pay");

        assertThat(paid.statusCode()).isEqualTo(200);
        AlipayTradeQueryResponse query = query(outTradeNo);
        assertThat(query.getCode()).isEqualTo("10000");
        assertThat(query.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(query.getTradeNo()).hasSize(28);
        assertThat(query.getSendPayDate()).isNotNull();
        assertThat(query.getBuyerPayAmount()).isEqualTo("0.01");
        assertThat(get("/sandbox/alipay/trades/" + outTradeNo).body())
                .contains("\"status\":\"TRADE_SUCCESS\"", "\"totalAmount\":\"0.01\"");
    }

    @Test
    void closesAnUnpaidTrade() throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, "5.00", null);

        AlipayTradeCloseResponse closed = close(outTradeNo);

        assertThat(closed.isSuccess()).as(closed.getBody()).isTrue();
        assertThat(closed.getOutTradeNo()).isEqualTo(outTradeNo);
        assertThat(query(outTradeNo).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        assertThat(post("/sandbox/alipay/trades/" + outTradeNo + "/pay").statusCode()).isEqualTo(409);
    }

    @Test
    void refusesToCloseAPaidTrade() throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, "5.00", null);
        post("/sandbox/alipay/trades/" + outTradeNo + "/pay");

        AlipayTradeCloseResponse closed = close(outTradeNo);

        assertThat(closed.isSuccess()).isFalse();
        assertThat(closed.getCode()).isEqualTo("40004");
        assertThat(closed.getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
    }

    @Test
    void queryOfAnUnknownTradeSaysItDoesNotExist() throws Exception {
        AlipayTradeQueryResponse query = query(newOutTradeNo());

        assertThat(query.isSuccess()).isFalse();
        assertThat(query.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void precreateAgainWithAnotherAmountIsInconsistentAndAfterPaymentIsRefused() throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, "1.00", null);

        assertThat(precreate(outTradeNo, "1.00", null).isSuccess()).isTrue();
        assertThat(precreate(outTradeNo, "2.00", null).getSubCode()).isEqualTo("ACQ.CONTEXT_INCONSISTENT");
        post("/sandbox/alipay/trades/" + outTradeNo + "/pay?notify=false");
        assertThat(precreate(outTradeNo, "1.00", null).getSubCode()).isEqualTo("ACQ.TRADE_HAS_SUCCESS");
    }

    @Test
    void rejectsARequestSignedWithAnotherKey() throws Exception {
        var request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"x1\"}");

        AlipayTradeQueryResponse response = client(APP_ID, RsaKeys.encode(RsaKeys.generate().getPrivate()))
                .execute(request);

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("40002");
        assertThat(response.getSubCode()).isEqualTo("isv.invalid-signature");
    }

    @Test
    void rejectsAnUnknownApp() throws Exception {
        var request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"x1\"}");

        AlipayTradeQueryResponse response = client("2021999999999999", RsaKeys.encode(APP_KEYS.getPrivate()))
                .execute(request);

        assertThat(response.getSubCode()).isEqualTo("isv.invalid-app-id");
    }

    @Test
    void answersAMissingSignatureWithASignedErrorNode() throws Exception {
        var response = post("/gateway.do?method=alipay.trade.query&app_id=" + APP_ID
                + "&sign_type=RSA2&charset=utf-8&version=1.0&timestamp=2024-01-01+00:00:00");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase()).startsWith("application/json").contains("utf-8"));
        assertThat(response.body()).startsWith("{\"alipay_trade_query_response\":{\"code\":\"40001\"")
                .contains("isv.missing-signature").contains("\"sign\":\"");
    }

    @Test
    void registeredAppCanCallWithItsOwnKey() throws Exception {
        var keys = RsaKeys.generate();
        String appId = "2021000000000777";

        var registered = postJson("/sandbox/alipay/apps",
                "{\"appId\":\"" + appId + "\",\"appPublicKey\":\"" + RsaKeys.encode(keys.getPublic()) + "\"}");

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("\"alipayPublicKey\":\"" + platformPublicKey + "\"");
        var request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"nope_1\"}");
        var response = client(appId, RsaKeys.encode(keys.getPrivate())).execute(request);
        assertThat(response.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    private AlipayTradeQueryResponse query(String outTradeNo) throws Exception {
        var request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\"}");
        return client().execute(request);
    }

    private AlipayTradeCloseResponse close(String outTradeNo) throws Exception {
        var request = new AlipayTradeCloseRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\"}");
        return client().execute(request);
    }
}
