package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.h5.model.H5Info;
import com.wechat.pay.java.service.payments.h5.model.SceneInfo;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.model.Transaction;
import org.junit.jupiter.api.Test;

/** Native, JSAPI and H5 prepay through the official SDK, with WeChat's required fields and merchant checks. */
class WechatPrepayIT extends WechatITSupport {

    @Test
    void nativePrepayAnswersACodeUrlAndTheTradeWaitsForThePayer() {
        String outTradeNo = newOutTradeNo();

        String codeUrl = prepayNative(outTradeNo, 1250, null);

        assertThat(codeUrl).startsWith("weixin://wxpay/bizpayurl?pr=");
        Transaction trade = query(outTradeNo);
        assertThat(trade.getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
        assertThat(trade.getTradeType()).isEqualTo(Transaction.TradeTypeEnum.NATIVE);
        assertThat(trade.getAppid()).isEqualTo(APP_ID);
        assertThat(trade.getMchid()).isEqualTo(MCH_ID);
        assertThat(trade.getAmount().getTotal()).isEqualTo(1250);
        assertThat(trade.getTransactionId()).isNull();
        assertThat(trade.getSuccessTime()).isNull();
    }

    @Test
    void jsapiPrepayGivesClientParametersSignedWithTheMerchantKey() throws Exception {
        var jsapi = new JsapiServiceExtension.Builder().config(config()).httpClient(sdkHttp(config())).build();
        var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(100);
        var payer = new Payer();
        payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        request.setAppid(APP_ID);
        request.setMchid(MCH_ID);
        request.setDescription("jsapi course");
        request.setOutTradeNo(newOutTradeNo());
        request.setNotifyUrl("https://merchant.example/notify/wechat");
        request.setAmount(amount);
        request.setPayer(payer);

        var params = jsapi.prepayWithRequestPayment(request);

        assertThat(params.getPackageVal()).matches("prepay_id=wx\\d{14}[0-9a-z]{20}");
        assertThat(params.getAppId()).isEqualTo(APP_ID);
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(MERCHANT_KEYS.getPublic());
        verifier.update((params.getAppId() + "\n" + params.getTimeStamp() + "\n" + params.getNonceStr() + "\n"
                + params.getPackageVal() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(params.getPaySign()))).isTrue();
        post("/sandbox/wechat/trades/" + request.getOutTradeNo() + "/pay?notify=false");
        assertThat(query(request.getOutTradeNo()).getPayer().getOpenid()).isEqualTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    }

    @Test
    void jsapiPrepayWithoutOpenidIsAParamError() {
        var jsapi = new JsapiServiceExtension.Builder().config(config()).httpClient(sdkHttp(config())).build();
        var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(100);
        request.setAppid(APP_ID);
        request.setMchid(MCH_ID);
        request.setDescription("jsapi course");
        request.setOutTradeNo(newOutTradeNo());
        request.setNotifyUrl("https://merchant.example/notify/wechat");
        request.setAmount(amount);

        assertThatThrownBy(() -> jsapi.prepayWithRequestPayment(request))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("PARAM_ERROR");
                    assertThat(e.getResponseBody()).contains("/payer/openid");
                });
    }

    @Test
    void h5PrepayPointsAtTheCashierAndRemembersThePayerIp() throws Exception {
        H5Service h5 = new H5Service.Builder().httpClient(sdkHttp(config())).build();
        String outTradeNo = newOutTradeNo();

        var answer = h5.prepay(h5Request(outTradeNo, "203.0.113.7", "Wap"));

        assertThat(answer.getH5Url()).startsWith(base() + "/cashier/wechat/" + outTradeNo + "?prepay_id=wx");
        assertThat(get(answer.getH5Url().substring(base().length())).body()).contains("h5 course", "0.99");
        assertThat(tradeView(outTradeNo)).containsEntry("payerClientIp", "203.0.113.7")
                .containsEntry("tradeType", "MWEB");
    }

    @Test
    void h5PrepayWithoutSceneInfoIsAParamError() {
        H5Service h5 = new H5Service.Builder().httpClient(sdkHttp(config())).build();
        var request = h5Request(newOutTradeNo(), "203.0.113.7", "Wap");
        request.getSceneInfo().setH5Info(null);

        assertThatThrownBy(() -> h5.prepay(request)).asInstanceOf(type(ServiceException.class))
                .satisfies(e -> assertThat(e.getResponseBody()).contains("PARAM_ERROR", "/scene_info/h5_info/type"));
    }

    @Test
    void bodyNamingAnotherAppidIsRefused() {
        var request = nativeRequest(newOutTradeNo(), 100, null);
        request.setAppid("wx0000000000000000");

        assertThatThrownBy(() -> nativePay().prepay(request)).asInstanceOf(type(ServiceException.class))
                .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo("APPID_MCHID_NOT_MATCH"));
    }

    @Test
    void bodyNamingAnotherMchidIsRefused() {
        var request = nativeRequest(newOutTradeNo(), 100, null);
        request.setMchid("1900000999");

        assertThatThrownBy(() -> nativePay().prepay(request)).asInstanceOf(type(ServiceException.class))
                .satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("MCH_NOT_EXISTS");
                });
    }

    private static com.wechat.pay.java.service.payments.h5.model.PrepayRequest h5Request(String outTradeNo, String ip,
                                                                                        String h5Type) {
        var request = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
        amount.setTotal(99);
        var h5Info = new H5Info();
        h5Info.setType(h5Type);
        var scene = new SceneInfo();
        scene.setPayerClientIp(ip);
        scene.setH5Info(h5Info);
        request.setAppid(APP_ID);
        request.setMchid(MCH_ID);
        request.setDescription("h5 course");
        request.setOutTradeNo(outTradeNo);
        request.setNotifyUrl("https://merchant.example/notify/wechat");
        request.setAmount(amount);
        request.setSceneInfo(scene);
        return request;
    }
}
