package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.payments.model.Transaction;
import org.junit.jupiter.api.Test;

/** Payment notifies: encrypted and signed as the SDK's NotificationParser expects, retried until 2xx, replayable. */
class WechatNotifyIT extends WechatITSupport {

    @Test
    void paymentNotifyIsParsedByTheSdk() throws Exception {
        try (var receiver = new WechatNotifyReceiver()) {
            String outTradeNo = newOutTradeNo();
            prepayNative(outTradeNo, 8880, receiver.url());

            post("/sandbox/wechat/trades/" + outTradeNo + "/pay");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            var delivery = receiver.received().get(0);
            assertThat(delivery.serial()).isEqualTo(platformKeyId);
            assertThat(delivery.signatureType()).isEqualTo("WECHATPAY2-SHA256-RSA2048");
            Transaction transaction = new NotificationParser(config()).parse(delivery.toRequestParam(),
                    Transaction.class);
            assertThat(transaction.getOutTradeNo()).isEqualTo(outTradeNo);
            assertThat(transaction.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(transaction.getMchid()).isEqualTo(MCH_ID);
            assertThat(transaction.getAppid()).isEqualTo(APP_ID);
            assertThat(transaction.getAmount().getTotal()).isEqualTo(8880);
            assertThat(transaction.getTransactionId()).isEqualTo(query(outTradeNo).getTransactionId());
            Map<String, Object> envelope = json(delivery.body());
            assertThat(envelope).containsEntry("event_type", "TRANSACTION.SUCCESS")
                    .containsEntry("resource_type", "encrypt-resource").containsKeys("id", "create_time", "summary");
            assertThat(object(envelope.get("resource"))).containsEntry("original_type", "transaction")
                    .containsEntry("associated_data", "transaction").containsEntry("algorithm", "AEAD_AES_256_GCM");
        }
    }

    @Test
    void retriesTheSameNotifyFreshlySignedUntilTheMerchantAnswers2xx() throws Exception {
        try (var receiver = new WechatNotifyReceiver(500, 503)) {
            String outTradeNo = newOutTradeNo();
            prepayNative(outTradeNo, 100, receiver.url());

            post("/sandbox/wechat/trades/" + outTradeNo + "/pay");

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);
            // a marker that must come after any retry the 2xx failed to stop: a notify of another trade to the same
            // receiver, dispatched later on the same schedule
            String marker = newOutTradeNo();
            prepayNative(marker, 100, receiver.url());
            post("/sandbox/wechat/trades/" + marker + "/pay");
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() >= 4);
            var deliveries = receiver.received().subList(0, 3);
            assertThat(receiver.received()).hasSize(4);
            Object firstId = json(deliveries.get(0).body()).get("id");
            assertThat(deliveries).extracting(d -> json(d.body()).get("id")).containsOnly(firstId);
            assertThat(deliveries).extracting(WechatNotifyReceiver.Received::nonce).doesNotHaveDuplicates();
            var parser = new NotificationParser(config());
            assertThat(deliveries).allSatisfy(d -> assertThat(parser.parse(d.toRequestParam(), Transaction.class)
                    .getOutTradeNo()).isEqualTo(outTradeNo));
            long now = Instant.now().getEpochSecond();
            assertThat(deliveries).allSatisfy(d -> assertThat(Long.parseLong(d.timestamp())).isBetween(now - 10, now));
            assertThat(parser.parse(receiver.received().get(3).toRequestParam(), Transaction.class).getOutTradeNo())
                    .as("the fourth delivery is the marker, not a retry").isEqualTo(marker);
        }
    }

    @Test
    void lostNotifyIsNotSentAndCanBeReplayedLater() throws Exception {
        try (var receiver = new WechatNotifyReceiver()) {
            String outTradeNo = newOutTradeNo();
            prepayNative(outTradeNo, 100, receiver.url());

            post("/sandbox/wechat/trades/" + outTradeNo + "/pay?notify=false");
            // a marker that comes after any notify the lost one would have sent: another trade's, sent at once
            try (var markerReceiver = new WechatNotifyReceiver()) {
                String marker = newOutTradeNo();
                prepayNative(marker, 100, markerReceiver.url());
                post("/sandbox/wechat/trades/" + marker + "/pay");
                await().atMost(Duration.ofSeconds(5)).until(() -> markerReceiver.received().size() == 1);
            }
            assertThat(receiver.received()).isEmpty();

            var replay = post("/sandbox/wechat/trades/" + outTradeNo + "/notify?times=2");
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo("[{\"status\":200,\"body\":\"\"},{\"status\":200,\"body\":\"\"}]");
            assertThat(receiver.received()).hasSize(2);
            var parser = new NotificationParser(config());
            assertThat(receiver.received()).allSatisfy(d -> assertThat(parser.parse(d.toRequestParam(),
                    Transaction.class).getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS));
        }
    }

    @Test
    void arbitraryNotifyFillsTheStandardFieldsAndIsParsedByTheSdk() throws Exception {
        try (var receiver = new WechatNotifyReceiver(500)) {
            var answer = postJson("/sandbox/wechat/notify", "{\"notifyUrl\":\"" + receiver.url() + "\","
                    + "\"resource\":{\"out_trade_no\":\"forged_1\",\"amount\":{\"total\":999900}}}");

            assertThat(json(answer.body())).containsEntry("status", 500);
            assertThat(receiver.received()).hasSize(1);
            Transaction transaction = new NotificationParser(config())
                    .parse(receiver.received().get(0).toRequestParam(), Transaction.class);
            assertThat(transaction.getOutTradeNo()).isEqualTo("forged_1");
            assertThat(transaction.getAmount().getTotal()).isEqualTo(999900);
            assertThat(transaction.getAmount().getCurrency()).isEqualTo("CNY");
            assertThat(transaction.getMchid()).isEqualTo(MCH_ID);
            assertThat(transaction.getAppid()).isEqualTo(APP_ID);
            assertThat(transaction.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            assertThat(transaction.getTradeType()).isEqualTo(Transaction.TradeTypeEnum.NATIVE);
            assertThat(transaction.getTransactionId()).isNotBlank();
            assertThat(transaction.getSuccessTime()).endsWith("+08:00");
            assertThat(transaction.getPayer().getOpenid()).isNotBlank();
        }
    }
}
