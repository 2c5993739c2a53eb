package io.tongbao.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.Test;

/** Async notifies: signed as rsaCheckV1 expects, retried until "success", replayable and forgeable on demand. */
class AlipayNotifyIT extends SandboxITSupport {

    @Test
    void paymentNotifyArrivesSignedWithThePlatformKey() throws Exception {
        try (var receiver = new NotifyReceiver()) {
            String outTradeNo = newOutTradeNo();
            precreate(outTradeNo, "88.80", receiver.url());

            post("/sandbox/alipay/trades/" + outTradeNo + "/pay");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            Map<String, String> notify = receiver.received().get(0);
            assertThat(AlipaySignature.rsaCheckV1(notify, platformPublicKey, "UTF-8", "RSA2")).isTrue();
            assertThat(notify).containsEntry("notify_type", "trade_status_sync")
                    .containsEntry("trade_status", "TRADE_SUCCESS")
                    .containsEntry("out_trade_no", outTradeNo)
                    .containsEntry("total_amount", "88.80")
                    .containsEntry("receipt_amount", "88.80")
                    .containsEntry("app_id", APP_ID)
                    .containsEntry("subject", "同宝 a/b 课程")
                    .containsKeys("trade_no", "gmt_payment", "gmt_create", "notify_id", "buyer_id", "seller_id");
            assertThat(notify.values()).allSatisfy(value -> assertThat(value).isNotBlank());
        }
    }

    @Test
    void retriesWithTheSameNotifyIdUntilTheMerchantSaysSuccess() throws Exception {
        try (var receiver = new NotifyReceiver("fail", "fail")) {
            String outTradeNo = newOutTradeNo();
            precreate(outTradeNo, "1.00", receiver.url());

            post("/sandbox/alipay/trades/" + outTradeNo + "/pay");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);
            Thread.sleep(1_000);
            assertThat(receiver.received()).hasSize(3)
                    .extracting(n -> n.get("notify_id")).containsOnly(receiver.received().get(0).get("notify_id"));
        }
    }

    @Test
    void lostNotifyIsNotSentAndCanBeReplayedLater() throws Exception {
        try (var receiver = new NotifyReceiver()) {
            String outTradeNo = newOutTradeNo();
            precreate(outTradeNo, "1.00", receiver.url());

            post("/sandbox/alipay/trades/" + outTradeNo + "/pay?notify=false");
            Thread.sleep(1_000);
            assertThat(receiver.received()).isEmpty();

            var replay = post("/sandbox/alipay/trades/" + outTradeNo + "/notify?times=2");
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo("[{\"status\":200,\"body\":\"success\"},{\"status\":200,\"body\":\"success\"}]");
            assertThat(receiver.received()).hasSize(2)
                    .allSatisfy(n -> assertThat(n).containsEntry("trade_status", "TRADE_SUCCESS"));
        }
    }

    @Test
    void closingNotifiesTradeClosed() throws Exception {
        try (var receiver = new NotifyReceiver()) {
            String outTradeNo = newOutTradeNo();
            precreate(outTradeNo, "3.00", receiver.url());

            post("/sandbox/alipay/trades/" + outTradeNo + "/cancel");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            Map<String, String> notify = receiver.received().get(0);
            assertThat(notify).containsEntry("trade_status", "TRADE_CLOSED").containsKey("gmt_close")
                    .doesNotContainKey("gmt_payment");
            assertThat(AlipaySignature.rsaCheckV1(notify, platformPublicKey, "UTF-8", "RSA2")).isTrue();
        }
    }

    @Test
    void forgedNotifySignedWithAnotherKeyFailsVerification() throws Exception {
        try (var receiver = new NotifyReceiver("fail")) {
            var answer = postJson("/sandbox/alipay/notify", "{\"notifyUrl\":\"" + receiver.url() + "\","
                    + "\"params\":{\"out_trade_no\":\"forged_1\",\"trade_status\":\"TRADE_SUCCESS\","
                    + "\"total_amount\":\"0.01\"},\"signWith\":\"WRONG_KEY\"}");

            assertThat(answer.body()).isEqualTo("{\"status\":200,\"body\":\"fail\"}");
            Map<String, String> notify = receiver.received().get(0);
            assertThat(notify).containsKeys("app_id", "notify_id", "notify_time", "charset", "version", "sign_type",
                    "sign");
            assertThat(AlipaySignature.rsaCheckV1(notify, platformPublicKey, "UTF-8", "RSA2")).isFalse();
        }
    }

    @Test
    void arbitraryNotifyIsSignedWithThePlatformKeyOrNotAtAll() throws Exception {
        try (var receiver = new NotifyReceiver()) {
            String params = "\"params\":{\"out_trade_no\":\"unknown_1\",\"trade_status\":\"TRADE_SUCCESS\","
                    + "\"total_amount\":\"999.00\"}";

            postJson("/sandbox/alipay/notify", "{\"notifyUrl\":\"" + receiver.url() + "\"," + params + "}");
            postJson("/sandbox/alipay/notify", "{\"notifyUrl\":\"" + receiver.url() + "\"," + params
                    + ",\"omitSign\":true}");

            assertThat(AlipaySignature.rsaCheckV1(receiver.received().get(0), platformPublicKey, "UTF-8", "RSA2"))
                    .isTrue();
            assertThat(receiver.received().get(1)).doesNotContainKey("sign").containsEntry("total_amount", "999.00");
        }
    }
}
