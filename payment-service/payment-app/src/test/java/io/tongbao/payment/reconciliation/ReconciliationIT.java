package io.tongbao.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tongbao.payment.SandboxProcess;
import io.tongbao.payment.attempt.PaymentResults;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.channel.RefundRequest;
import io.tongbao.payment.channel.TradeRequest;
import io.tongbao.testing.RealMiddleware;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation of today's bill, for each channel, against the sandbox through the official SDKs and the real
 * database: a day whose books agree is BALANCED; then every kind of difference the sandbox can make on purpose is
 * found, the payment the provider took without telling us is applied once through the success path, and a second
 * run of the same day gives the same answer and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "payment")
class ReconciliationIT {

    private static final SandboxProcess SANDBOX = SandboxProcess.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final KeyPair ALIPAY_APP = rsa();
    private static final KeyPair WECHAT_MERCHANT = rsa();
    private static final String SUFFIX = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
    private static final String APP_ID = "20210000" + SUFFIX;
    private static final String MCH_ID = "19" + SUFFIX;
    private static final String WX_APP_ID = "wx00000000" + SUFFIX;
    private static final String API_V3_KEY = "reconciliation-key-0123456789abc";
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);

    private final JdbcTemplate jdbc;
    private final Channels channels;
    private final PaymentResults results;
    private final String base;

    @Autowired
    ReconciliationIT(JdbcTemplate jdbc, Channels channels, PaymentResults results,
            @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.results = results;
        this.base = "http://127.0.0.1:" + port;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        JsonNode app = JSON.readTree(SANDBOX.post("/sandbox/alipay/apps", JSON.writeValueAsString(java.util.Map.of(
                "appId", APP_ID, "appPublicKey", b64(ALIPAY_APP.getPublic().getEncoded())))));
        registry.add("tongbao.alipay.app-id", () -> APP_ID);
        registry.add("tongbao.alipay.private-key", () -> b64(ALIPAY_APP.getPrivate().getEncoded()));
        registry.add("tongbao.alipay.alipay-public-key", () -> app.get("alipayPublicKey").asString());
        registry.add("tongbao.alipay.gateway-url", () -> SANDBOX.baseUrl() + "/gateway.do");
        registry.add("tongbao.alipay.notify-url", () -> "http://127.0.0.1:1/api/payment/notify/alipay");
        JsonNode merchant = JSON.readTree(SANDBOX.post("/sandbox/wechat/merchants", JSON.writeValueAsString(
                java.util.Map.of("mchId", MCH_ID, "appId", WX_APP_ID, "merchantSerialNo",
                        "5157F09EFDC096DE15EBE81A47057A72", "merchantPublicKey",
                        b64(WECHAT_MERCHANT.getPublic().getEncoded()), "apiV3Key", API_V3_KEY))));
        registry.add("tongbao.wechat.mch-id", () -> MCH_ID);
        registry.add("tongbao.wechat.app-id", () -> WX_APP_ID);
        registry.add("tongbao.wechat.merchant-serial-no", () -> "5157F09EFDC096DE15EBE81A47057A72");
        registry.add("tongbao.wechat.private-key", () -> b64(WECHAT_MERCHANT.getPrivate().getEncoded()));
        registry.add("tongbao.wechat.api-v3-key", () -> API_V3_KEY);
        registry.add("tongbao.wechat.public-keys[0].id", () -> merchant.get("publicKeyId").asString());
        registry.add("tongbao.wechat.public-keys[0].key", () -> merchant.get("wechatpayPublicKey").asString());
        registry.add("tongbao.wechat.api-base-url", SANDBOX::baseUrl);
        registry.add("tongbao.wechat.notify-url", () -> "http://127.0.0.1:1/api/payment/notify/wechat");
    }

    @Test
    void alipayFindsEveryDifferenceAppliesTheUnrecordedPaymentOnceAndRepeatsItsAnswer() throws Exception {
        reconcilesADay("ALIPAY", "alipay", "QR");
    }

    @Test
    void wechatFindsEveryDifferenceAppliesTheUnrecordedPaymentOnceAndRepeatsItsAnswer() throws Exception {
        reconcilesADay("WECHAT", "wechat", "NATIVE");
    }

    @Test
    void refusesCallersWithoutAdminAndChannelsWithoutABill() throws Exception {
        assertThat(post("{\"channel\":\"ALIPAY\",\"date\":\"2026-12-01\"}", "").statusCode()).isEqualTo(403);
        HttpResponse<String> wallet = post("{\"channel\":\"WALLET\",\"date\":\"2026-12-01\"}", "ADMIN");
        assertThat(wallet.statusCode()).isEqualTo(400);
        assertThat(wallet.body()).contains("VALIDATION_FAILED");
        assertThat(post("{\"channel\":\"ALIPAY\",\"date\":\"01.12.2026\"}", "ADMIN").statusCode()).isEqualTo(400);
        assertThat(get("ALIPAY", LocalDate.of(2020, 1, 1)).statusCode()).isEqualTo(404);
    }

    private void reconcilesADay(String channel, String path, String mode) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String a = paid(channel, mode, 1000);
        String b = paid(channel, mode, 2000);
        refunded(channel, b, 2000, 500, "SUCCESS");

        JsonNode clean = run(channel, today);
        assertThat(clean.get("status").asString()).isEqualTo("BALANCED");
        assertThat(clean.get("ourCount").asInt()).isEqualTo(3);
        assertThat(clean.get("providerCount").asInt()).isEqualTo(3);
        assertThat(clean.get("ourAmount").asString()).isEqualTo("25.00");
        assertThat(clean.get("providerAmount").asString()).isEqualTo("25.00");
        assertThat(clean.get("differences").size()).isZero();

        String unseen = trade(channel, mode, 1500);
        SANDBOX.post("/sandbox/" + path + "/bill-differences", difference("UNANSWERED_PAYMENT", unseen, null, null));
        SANDBOX.post("/sandbox/" + path + "/trades/" + unseen + "/pay?notify=false", "");
        // the lost notify that the compensation job cannot see either: the provider's query still says unpaid
        assertThat(results.apply(channel, unseen, channel(channel).query(unseen)))
                .isEqualTo(PaymentResults.Outcome.NOTHING_TO_DO);
        String outside = "RO" + IDS.incrementAndGet();
        SANDBOX.post("/sandbox/" + path + "/bill-differences", difference("OUTSIDE_REFUND", a, outside, "1.00"));
        String c = paid(channel, mode, 3000);
        SANDBOX.post("/sandbox/" + path + "/bill-differences", difference("BILLED_AMOUNT", c, null, "29.99"));
        String processing = refunded(channel, a, 1000, 200, "PROCESSING");
        String unknownToProvider = refundRow(a, channel, 100, "SUCCESS", Instant.now());
        String neverAtProvider = attemptRow(channel, 700, "SUCCESS", Instant.now());

        JsonNode found = run(channel, today);
        assertThat(found.get("status").asString()).isEqualTo("DIFFERENCES");
        assertThat(differences(found)).containsExactlyInAnyOrder(
                "MISSING_LOCALLY " + unseen + " null PENDING 15.00|PAID 15.00 APPLIED",
                "MISSING_LOCALLY " + a + " " + outside + " null|REFUNDED 1.00 REPORTED",
                "AMOUNT_MISMATCH " + c + " null SUCCESS 30.00|PAID 29.99 REPORTED",
                "STATUS_MISMATCH " + a + " " + processing + " PROCESSING 2.00|REFUNDED 2.00 REPORTED",
                "MISSING_AT_PROVIDER " + a + " " + unknownToProvider + " SUCCESS 1.00|null REPORTED",
                "MISSING_AT_PROVIDER " + neverAtProvider + " null SUCCESS 7.00|null REPORTED");
        assertThat(status(unseen)).isEqualTo("SUCCESS");
        assertThat(paymentEvents(unseen)).isOne();
        // nothing else was changed: the refund stays PROCESSING, the mismatched payment keeps our amount
        assertThat(jdbc.queryForObject("SELECT status FROM refund WHERE refund_no = ?", String.class, processing))
                .isEqualTo("PROCESSING");
        assertThat(jdbc.queryForObject("SELECT amount_fen FROM pay_attempt WHERE pay_no = ?", Long.class, c))
                .isEqualTo(3000L);

        JsonNode again = run(channel, today);
        assertThat(again).isEqualTo(found);
        assertThat(paymentEvents(unseen)).isOne();
        HttpResponse<String> stored = get(channel, today);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body())).isEqualTo(found);
    }

    private PaymentChannel channel(String name) {
        return channels.of(name);
    }

    /** An attempt of ours and its trade at the provider, awaiting payment. */
    private String trade(String channel, String mode, long fen) {
        String payNo = attemptRow(channel, fen, "PENDING", null);
        channel(channel).create(new TradeRequest(payNo, 1001, Set.of("GOODS"), mode, fen, "Reconciliation test",
                Instant.now().plusSeconds(1800), null, null));
        return payNo;
    }

    /** A trade paid at the provider and recorded by us, through the active query's path. */
    private String paid(String channel, String mode, long fen) {
        String payNo = trade(channel, mode, fen);
        SANDBOX.post("/sandbox/" + channel.toLowerCase() + "/trades/" + payNo + "/pay?notify=false", "");
        assertThat(results.apply(channel, payNo, channel(channel).query(payNo)))
                .isEqualTo(PaymentResults.Outcome.RECORDED);
        return payNo;
    }

    /** A refund made at the provider and kept by us with {@code ourStatus}, at the provider's refund time. */
    private String refunded(String channel, String payNo, long totalFen, long fen, String ourStatus) {
        String refundNo = "RF" + IDS.incrementAndGet();
        channel(channel).refund(new RefundRequest(payNo, refundNo, 1001, fen, totalFen, 0, "test"));
        ProviderRefund done = channel(channel).queryRefund(payNo, refundNo);
        assertThat(done.status()).isEqualTo(ProviderRefund.Status.SUCCESS);
        jdbc.update("INSERT INTO refund (id, refund_no, pay_no, order_no, user_id, channel, kind, amount_fen, status, "
                + "succeeded_at) VALUES (?, ?, ?, ?, 1001, ?, 'REQUESTED', ?, ?, ?)", IDS.incrementAndGet(), refundNo,
                payNo, "5" + payNo, channel, fen, ourStatus,
                "SUCCESS".equals(ourStatus) ? java.sql.Timestamp.from(done.refundedAt()) : null);
        return refundNo;
    }

    private String refundRow(String payNo, String channel, long fen, String status, Instant at) {
        String refundNo = "RF" + IDS.incrementAndGet();
        jdbc.update("INSERT INTO refund (id, refund_no, pay_no, order_no, user_id, channel, kind, amount_fen, status, "
                + "succeeded_at) VALUES (?, ?, ?, ?, 1001, ?, 'REQUESTED', ?, ?, ?)", IDS.incrementAndGet(), refundNo,
                payNo, "5" + payNo, channel, fen, status, java.sql.Timestamp.from(at));
        return refundNo;
    }

    private String attemptRow(String channel, long fen, String status, Instant paidAt) {
        long id = IDS.incrementAndGet();
        String payNo = Long.toString(id);
        jdbc.update("INSERT INTO pay_attempt (id, pay_no, user_id, channel, mode, status, amount_fen, currency, "
                + "expire_at, paid_at) VALUES (?, ?, 1001, ?, 'QR', ?, ?, 'CNY', DATE_ADD(NOW(), INTERVAL 30 MINUTE), ?)",
                id, payNo, channel, status, fen, paidAt == null ? null : java.sql.Timestamp.from(paidAt));
        jdbc.update("INSERT INTO pay_attempt_order (pay_no, order_no, amount_fen) VALUES (?, ?, ?)", payNo, "5" + payNo,
                fen);
        return payNo;
    }

    private String status(String payNo) {
        return jdbc.queryForObject("SELECT status FROM pay_attempt WHERE pay_no = ?", String.class, payNo);
    }

    private int paymentEvents(String payNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'payment-success' "
                + "AND message_key = ?", Integer.class, payNo);
    }

    private static List<String> differences(JsonNode run) {
        List<String> out = new ArrayList<>();
        run.get("differences").forEach(d -> out.add(d.get("kind").asString() + " " + d.get("outTradeNo").asString()
                + " " + text(d.get("refundNo")) + " " + text(d.get("ours")) + "|" + text(d.get("theirs")) + " "
                + d.get("resolution").asString()));
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }

    private static String difference(String kind, String outTradeNo, String refundNo, String amount) {
        var body = new java.util.LinkedHashMap<String, String>();
        body.put("kind", kind);
        body.put("outTradeNo", outTradeNo);
        if (refundNo != null) {
            body.put("refundNo", refundNo);
        }
        if (amount != null) {
            body.put("amount", amount);
        }
        return JSON.writeValueAsString(body);
    }

    private JsonNode run(String channel, LocalDate day) throws Exception {
        HttpResponse<String> response = post("{\"channel\":\"" + channel + "\",\"date\":\"" + day + "\"}", "ADMIN");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String body, String roles) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/payment/reconciliations"))
                .header("Content-Type", "application/json").header("X-User-Id", "1").header("X-User-Roles", roles)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String channel, LocalDate day) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/payment/reconciliations/" + channel + "/" + day))
                .header("X-User-Id", "1").header("X-User-Roles", "ADMIN").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
