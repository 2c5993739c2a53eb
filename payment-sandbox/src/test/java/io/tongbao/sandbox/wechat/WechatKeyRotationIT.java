package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;

/**
 * Rotating the WeChat Pay public key, as ops rehearse it: a new key is made, clients learn it, then it is activated.
 * Runs on a merchant registered over HTTP, so the configured merchant of the other tests keeps its key.
 */
class WechatKeyRotationIT extends WechatITSupport {

    private static final String ROTATING_MCH_ID = "1900000777";
    private static final String ROTATING_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    private static final KeyPair ROTATING_KEYS = RsaKeys.generate();

    @Test
    void afterActivationOnlyClientsWithTheNewKeyVerifyResponsesAndNotifies() throws Exception {
        Map<String, Object> registered = json(postJson("/sandbox/wechat/merchants", "{\"mchId\":\"" + ROTATING_MCH_ID
                + "\",\"appId\":\"" + APP_ID + "\",\"merchantSerialNo\":\"" + ROTATING_SERIAL
                + "\",\"merchantPublicKey\":\"" + RsaKeys.encode(ROTATING_KEYS.getPublic()) + "\",\"apiV3Key\":\""
                + API_V3_KEY + "\"}").body());
        assertThat(registered).containsEntry("mchId", ROTATING_MCH_ID).containsEntry("publicKeyId", platformKeyId);
        RSAPublicKeyConfig oldConfig = rotatingConfig((String) registered.get("publicKeyId"),
                (String) registered.get("wechatpayPublicKey"));
        String outTradeNo = newOutTradeNo();
        var prepay = nativeRequest(outTradeNo, 100, null);
        prepay.setMchid(ROTATING_MCH_ID);
        service(oldConfig).prepay(prepay);

        Map<String, Object> created = json(postJson("/sandbox/wechat/platform-keys",
                "{\"mchId\":\"" + ROTATING_MCH_ID + "\"}").body());
        String newKeyId = (String) created.get("publicKeyId");
        RSAPublicKeyConfig newConfig = rotatingConfig(newKeyId, (String) created.get("wechatpayPublicKey"));
        assertThat(newKeyId).matches("PUB_KEY_ID_\\d{22}").isNotEqualTo(platformKeyId);
        assertThat(query(oldConfig, outTradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);

        var activated = post("/sandbox/wechat/platform-keys/" + newKeyId + "/activate");

        assertThat(activated.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> query(oldConfig, outTradeNo)).isInstanceOf(ValidationException.class);
        assertThat(query(newConfig, outTradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
        assertThat(json(get("/sandbox/wechat/merchants/" + ROTATING_MCH_ID).body()))
                .containsEntry("publicKeyId", newKeyId);
        assertThat(json(get("/sandbox/wechat/merchants/" + MCH_ID).body()))
                .containsEntry("publicKeyId", platformKeyId);
        try (var receiver = new WechatNotifyReceiver()) {
            postJson("/sandbox/wechat/notify", "{\"notifyUrl\":\"" + receiver.url() + "\",\"mchId\":\""
                    + ROTATING_MCH_ID + "\",\"resource\":{\"out_trade_no\":\"" + outTradeNo + "\"}}");
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            var delivery = receiver.received().get(0).toRequestParam();
            assertThat(new NotificationParser(newConfig).parse(delivery, Transaction.class).getMchid())
                    .isEqualTo(ROTATING_MCH_ID);
            assertThatThrownBy(() -> new NotificationParser(oldConfig).parse(delivery, Transaction.class))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aKeyMadeForOneMerchantCannotBeActivatedForAnother() throws Exception {
        postJson("/sandbox/wechat/merchants", "{\"mchId\":\"1900000778\",\"appId\":\"" + APP_ID
                + "\",\"merchantSerialNo\":\"AB\",\"merchantPublicKey\":\"" + RsaKeys.encode(ROTATING_KEYS.getPublic())
                + "\",\"apiV3Key\":\"" + API_V3_KEY + "\"}");
        String keyId = (String) json(postJson("/sandbox/wechat/platform-keys", "{\"mchId\":\"1900000778\"}").body())
                .get("publicKeyId");

        var activated = post("/sandbox/wechat/platform-keys/" + keyId + "/activate?mchId=" + MCH_ID);

        // the key's owner wins over the parameter: the configured merchant keeps its key
        assertThat(json(activated.body())).containsEntry("mchId", "1900000778");
        assertThat(json(get("/sandbox/wechat/merchants/" + MCH_ID).body())).containsEntry("publicKeyId", platformKeyId);
    }

    private RSAPublicKeyConfig rotatingConfig(String publicKeyId, String publicKey) {
        return config(ROTATING_MCH_ID, ROTATING_SERIAL, ROTATING_KEYS.getPrivate(), publicKeyId, publicKey);
    }

    private NativePayService service(RSAPublicKeyConfig config) {
        return new NativePayService.Builder().httpClient(sdkHttp(config)).build();
    }

    private Transaction query(RSAPublicKeyConfig config, String outTradeNo) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(ROTATING_MCH_ID);
        request.setOutTradeNo(outTradeNo);
        return service(config).queryOrderByOutTradeNo(request);
    }
}
