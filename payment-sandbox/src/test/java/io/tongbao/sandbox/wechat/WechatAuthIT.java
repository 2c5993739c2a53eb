package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;

/**
 * Request authentication as WeChat Pay does it. The raw requests here are signed by the test itself, following the
 * protocol document rather than the sandbox's code, so a mistake on either side shows.
 */
class WechatAuthIT extends WechatITSupport {

    @Test
    void aCorrectlySignedRawRequestIsAccepted() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 100, null);

        var response = signedGet(queryPath(outTradeNo), Instant.now().getEpochSecond(), MERCHANT_KEYS.getPrivate());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/json"));
        assertThat(response.headers().firstValue("Wechatpay-Serial")).contains(platformKeyId);
        assertThat(response.headers().firstValue("Wechatpay-Signature-Type")).contains("WECHATPAY2-SHA256-RSA2048");
        assertThat(response.headers().firstValue("Request-ID")).isPresent();
    }

    @Test
    void aRequestSignedWithAnotherKeyIsSignError() throws Exception {
        var response = signedGet(queryPath(newOutTradeNo()), Instant.now().getEpochSecond(),
                RsaKeys.generate().getPrivate());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/json"));
        assertThat(json(response.body())).containsEntry("code", "SIGN_ERROR").containsKey("message");
    }

    @Test
    void aTimestampSixMinutesOldIsSignError() throws Exception {
        var response = signedGet(queryPath(newOutTradeNo()), Instant.now().getEpochSecond() - 360,
                MERCHANT_KEYS.getPrivate());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).containsEntry("code", "SIGN_ERROR");
    }

    @Test
    void aMissingAuthorizationIsSignError() throws Exception {
        var response = get(queryPath(newOutTradeNo()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).containsEntry("code", "SIGN_ERROR");
    }

    @Test
    void theSdkWithAnotherMerchantKeyGetsSignError() {
        var config = config(MCH_ID, SERIAL_NO, RsaKeys.generate().getPrivate(), platformKeyId, platformPublicKey);
        var service = new NativePayService.Builder().httpClient(sdkHttp(config)).build();

        assertThatThrownBy(() -> service.prepay(nativeRequest(newOutTradeNo(), 100, null)))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo("SIGN_ERROR");
                });
    }

    @Test
    void theSdkWithAnotherCertificateSerialGetsSignError() {
        var config = config(MCH_ID, "0000000000000000000000000000000000000000", MERCHANT_KEYS.getPrivate(),
                platformKeyId, platformPublicKey);
        var service = new NativePayService.Builder().httpClient(sdkHttp(config)).build();

        assertThatThrownBy(() -> service.prepay(nativeRequest(newOutTradeNo(), 100, null)))
                .asInstanceOf(type(ServiceException.class))
                .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo("SIGN_ERROR"));
    }

    @Test
    void anUnknownMerchantIsMchNotExists() {
        var config = config("1900000404", SERIAL_NO, MERCHANT_KEYS.getPrivate(), platformKeyId, platformPublicKey);
        var service = new NativePayService.Builder().httpClient(sdkHttp(config)).build();

        assertThatThrownBy(() -> service.prepay(nativeRequest(newOutTradeNo(), 100, null)))
                .asInstanceOf(type(ServiceException.class))
                .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo("MCH_NOT_EXISTS"));
    }

    private static String queryPath(String outTradeNo) {
        return "/v3/pay/transactions/out-trade-no/" + outTradeNo + "?mchid=" + MCH_ID;
    }

    private HttpResponse<String> signedGet(String pathAndQuery, long timestamp, PrivateKey key) throws Exception {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String message = "GET\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n\n";
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        // the pairs in the order of WeChat's docs, not the SDK's: the sandbox must parse by name
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + MCH_ID + "\",serial_no=\"" + SERIAL_NO
                + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + timestamp + "\",signature=\"" + signature + "\"";
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).header("Authorization", authorization)
                .header("Accept", "application/json").GET());
    }
}
