package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.JSON;
import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static io.tongbao.localstack.StackClient.send;
import static io.tongbao.testing.wechat.WechatNotifyForger.paidTransaction;
import static io.tongbao.testing.wechat.WechatNotifyForger.transactionNotify;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tongbao.testing.wechat.WechatNotifyForger;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Pay v3 end to end through the gateway: payment-service speaks to the sandbox through the official
 * wechatpay-java SDK, and the sandbox's signed, encrypted notifies come back through the gateway. Each test is its own
 * user. The key rotation restarts payment-service, so it runs last.
 */
@ExtendWith(LocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WechatFlowIT {

    private static final AtomicLong USERS = new AtomicLong(500_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final String NOTIFY_URL = LocalStack.gateway("/api/payment/notify/wechat").toString();
    private static final String MCH_ID = "1900000001";

    private record Purchase(String token, String orderNo, String payNo, JsonNode payment) {
    }

    /** A recharge of pod 30002 (30.00 yuan, 300 + 30 coins) for a new user, and a WECHAT payment of it. */
    private static Purchase purchase(String mode, String extra) {
        String token = devToken(USERS.incrementAndGet());
        JsonNode recharge = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", 201);
        String orderNo = recharge.get("orderNo").asString();
        JsonNode payment = call("POST", "/api/payment/payments", token, "{\"orderNo\":\"" + orderNo
                + "\",\"channel\":\"WECHAT\",\"mode\":\"" + mode + "\"" + extra + "}", 201);
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("amount").asString()).isEqualTo("30.00");
        return new Purchase(token, orderNo, payment.get("payNo").asString(), payment);
    }

    private static Purchase nativePurchase() {
        return purchase("NATIVE", "");
    }

    @Test
    @Order(1)
    void aNativePaymentPaidInTheSandboxCreditsTheCoinsOnce() {
        Purchase p = nativePurchase();
        assertThat(p.payment().get("codeUrl").asString()).startsWith("weixin://wxpay/bizpayurl");
        assertThat(p.payment().get("qrCode").asString()).startsWith("data:image/png;base64,");
        sandbox("/sandbox/wechat/trades/" + p.payNo() + "/pay", "");
        awaitValue(() -> wallet(p.token()), 330L);
        assertPaidOnce(p.token(), p.orderNo(), p.payNo());
        assertThat(wechatTrade(p.payNo()).get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    @Order(2)
    void tenDuplicateNotifiesRacingAnActiveQueryRecordOneSuccessAndCreditOnce() throws Exception {
        Purchase p = nativePurchase();
        sandbox("/sandbox/wechat/trades/" + p.payNo() + "/pay?notify=false", "");
        List<CompletableFuture<?>> racing = new ArrayList<>();
        racing.add(CompletableFuture.runAsync(() -> sandbox("/sandbox/wechat/trades/" + p.payNo() + "/notify?times=10", "")));
        racing.add(CompletableFuture.runAsync(() -> call("GET", "/api/payment/payments/" + p.payNo(), p.token(), null, 200)));
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get();
        // every notify was answered, so what it changed is committed: one success and one event, whatever the race
        assertThat(db("payment").queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'payment-success' "
                + "AND message_key = ?", Integer.class, p.payNo())).isEqualTo(1);
        awaitValue(() -> wallet(p.token()), 330L);
        assertPaidOnce(p.token(), p.orderNo(), p.payNo());
    }

    @Test
    @Order(3)
    void jsapiAnswersTheParametersOfRequestPaymentSignedWithTheMerchantKey() throws Exception {
        Purchase p = purchase("JSAPI", ",\"openId\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"");
        JsonNode params = p.payment().get("jsapi");
        assertThat(params.get("appId").asString()).isEqualTo("wx0000000000000001");
        assertThat(params.get("package").asString()).startsWith("prepay_id=");
        assertThat(params.get("signType").asString()).isEqualTo("RSA");
        String message = params.get("appId").asString() + "\n" + params.get("timeStamp").asString() + "\n"
                + params.get("nonceStr").asString() + "\n" + params.get("package").asString() + "\n";
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey(secret("wechat-merchant-public-key.x509.b64")));
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(params.get("paySign").asString())))
                .as("paySign verifies with the merchant's public key").isTrue();

        String other = call("POST", "/api/coin/recharges", p.token(), "{\"podId\":\"30001\"}", 201).get("orderNo")
                .asString();
        JsonNode noOpenId = call("POST", "/api/payment/payments", p.token(),
                "{\"orderNo\":\"" + other + "\",\"channel\":\"WECHAT\",\"mode\":\"JSAPI\"}", 400);
        assertThat(noOpenId.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(attemptsOf(other)).as("nothing written").isZero();
    }

    @Test
    @Order(4)
    void h5AnswersALinkAndTheSandboxSawTheCallersAddress() {
        Purchase p = purchase("H5", "");
        assertThat(p.payment().get("h5Url").asString()).startsWith("http");
        assertThat(wechatTrade(p.payNo()).get("payerClientIp").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(5)
    void anUnknownChannelOrModeIsRefusedWithNothingWritten() {
        String token = devToken(USERS.incrementAndGet());
        String orderNo = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", 201).get("orderNo").asString();
        for (String choice : List.of("\"WECHAT\",\"mode\":\"QR\"", "\"WALLET\",\"mode\":\"QR\"",
                "\"PAYPAL\",\"mode\":\"NATIVE\"")) {
            JsonNode refused = call("POST", "/api/payment/payments", token,
                    "{\"orderNo\":\"" + orderNo + "\",\"channel\":" + choice + "}", 400);
            assertThat(refused.get("code").asString()).isEqualTo("CHANNEL_NOT_SUPPORTED");
        }
        assertThat(attemptsOf(orderNo)).isZero();
    }

    @Test
    @Order(6)
    void forgedTamperedStaleAndForeignNotifiesAreRefusedAndChangeNothing() throws Exception {
        Purchase p = nativePurchase();
        String apiV3Key = secret("wechat-api-v3-key");
        PrivateKey platform = privateKey(secret("wechat-platform-private-key.pk8.b64"));
        String serial = secret("wechat-platform-key-id");
        String resource = paidTransaction(MCH_ID, "wx0000000000000001", p.payNo(), 3000);
        long now = Instant.now().getEpochSecond();
        WechatNotifyForger.Notify genuine = transactionNotify(resource, apiV3Key, platform, serial, now);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        List<WechatNotifyForger.Notify> forged = List.of(
                transactionNotify(resource, apiV3Key, rsa.generateKeyPair().getPrivate(), serial, now),
                WechatNotifyForger.tamperedCiphertext(genuine, platform, serial, now),
                transactionNotify(resource, apiV3Key, platform, serial, now - 360),
                transactionNotify(resource, apiV3Key, platform, "PUB_KEY_ID_0199999999999999999999", now),
                genuine.withHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + genuine.headers().get("Wechatpay-Signature")));
        for (WechatNotifyForger.Notify notify : forged) {
            HttpResponse<String> answer = post(notify);
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.body()).contains("\"code\":\"FAIL\"");
        }
        // signed and encrypted by the sandbox as WeChat Pay would, but not ours or not matching our attempt
        assertRefusedBySandboxNotify("{\"out_trade_no\":\"999999999999\",\"amount\":{\"total\":3000}}");
        assertRefusedBySandboxNotify("{\"out_trade_no\":\"" + p.payNo() + "\",\"amount\":{\"total\":1}}");
        assertRefusedBySandboxNotify("{\"out_trade_no\":\"" + p.payNo() + "\",\"mchid\":\"1900000009\","
                + "\"amount\":{\"total\":3000}}");
        assertThat(db("payment").queryForObject("SELECT status FROM pay_attempt WHERE pay_no = ?", String.class,
                p.payNo())).isEqualTo("PENDING");
        assertThat(wallet(p.token())).isZero();
        assertThat(post(genuine).statusCode()).as("the genuine one is still taken").isEqualTo(204);
        awaitValue(() -> wallet(p.token()), 330L);
    }

    @Test
    @Order(7)
    void anUnpaidOrderTimesOutAndItsTradeIsClosedAtTheSandbox() {
        Purchase p = nativePurchase();
        awaitValue(() -> call("GET", "/api/order/orders/" + p.orderNo(), p.token(), null, 200).get("status").asString(),
                "CLOSED");
        assertThat(wechatTrade(p.payNo()).get("status").asString()).isEqualTo("CLOSED");
        awaitValue(() -> db("payment").queryForObject("SELECT status FROM pay_attempt WHERE pay_no = ?", String.class,
                p.payNo()), "CLOSED");
        assertThat(wallet(p.token())).isZero();
    }

    @Test
    @Order(8)
    void aTradePaidAtTheMomentOfTheCloseCountsAsPaid() {
        Purchase p = nativePurchase();
        sandbox("/sandbox/wechat/trades/" + p.payNo() + "/pay?notify=false", "");
        awaitValue(() -> call("GET", "/api/order/orders/" + p.orderNo(), p.token(), null, 200).get("status").asString(),
                "PAID");
        awaitValue(() -> wallet(p.token()), 330L);
        assertPaidOnce(p.token(), p.orderNo(), p.payNo());
        assertThat(wechatTrade(p.payNo()).get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    @Order(100)
    void aPlatformKeyRotationLosesNoPaymentBeforeDuringOrAfterIt() throws Exception {
        Purchase before = nativePurchase();
        sandbox("/sandbox/wechat/trades/" + before.payNo() + "/pay", "");
        awaitValue(() -> wallet(before.token()), 330L);

        JsonNode next = JSON.readTree(sandbox("/sandbox/wechat/platform-keys", "{\"mchId\":\"" + MCH_ID + "\"}"));
        String nextId = next.get("publicKeyId").asString();
        LocalStack.restart("payment-service", Map.of("TONGBAO_WECHAT_PUBLIC_KEYS_1_ID", nextId,
                "TONGBAO_WECHAT_PUBLIC_KEYS_1_KEY", next.get("wechatpayPublicKey").asString()));

        Purchase during = nativePurchase();
        sandbox("/sandbox/wechat/platform-keys/" + nextId + "/activate", "");
        sandbox("/sandbox/wechat/trades/" + during.payNo() + "/pay", "");
        awaitValue(() -> wallet(during.token()), 330L);
        assertPaidOnce(during.token(), during.orderNo(), during.payNo());

        Purchase after = nativePurchase();
        sandbox("/sandbox/wechat/trades/" + after.payNo() + "/pay?notify=false", "");
        JsonNode queried = call("GET", "/api/payment/payments/" + after.payNo(), after.token(), null, 200);
        assertThat(queried.get("status").asString()).as("the active query's answer, signed with the new key")
                .isEqualTo("SUCCESS");
        awaitValue(() -> wallet(after.token()), 330L);
        assertPaidOnce(after.token(), after.orderNo(), after.payNo());
    }

    private static void assertRefusedBySandboxNotify(String resource) {
        JsonNode answer = JSON.readTree(sandbox("/sandbox/wechat/notify",
                "{\"notifyUrl\":\"" + NOTIFY_URL + "\",\"resource\":" + resource + "}"));
        assertThat(answer.get("status").asInt()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.get("body").asString()).contains("FAIL");
    }

    private static void assertPaidOnce(String token, String orderNo, String payNo) {
        assertThat(wallet(token)).isEqualTo(330L);
        JsonNode ledger = call("GET", "/api/coin/wallet/ledger", token, null, 200);
        assertThat(ledger.get("total").asLong()).isEqualTo(1);
        JsonNode order = call("GET", "/api/order/orders/" + orderNo, token, null, 200);
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("paidAmount").asString()).isEqualTo("30.00");
        JsonNode payment = call("GET", "/api/payment/payments/" + payNo, token, null, 200);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(payment.get("channel").asString()).isEqualTo("WECHAT");
    }

    private static HttpResponse<String> post(WechatNotifyForger.Notify notify) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(NOTIFY_URL))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(notify.body()));
        notify.headers().forEach(request::header);
        return send(request);
    }

    static JsonNode wechatTrade(String payNo) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(StackClient.sandboxUri("/sandbox/wechat/trades/" + payNo)).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static int attemptsOf(String orderNo) {
        return db("payment").queryForObject("SELECT COUNT(*) FROM pay_attempt_order WHERE order_no = ?", Integer.class,
                orderNo);
    }

    private static long wallet(String token) {
        return call("GET", "/api/coin/wallet", token, null, 200).get("balance").asLong();
    }

    /** A local-only secret that up.sh generated at first start (the test plays WeChat Pay and the merchant). */
    private static String secret(String file) throws Exception {
        return Files.readString(LocalStack.runDir.resolve("secrets/alipay").resolve(file)).trim();
    }

    private static PrivateKey privateKey(String base64) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PublicKey publicKey(String base64) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
