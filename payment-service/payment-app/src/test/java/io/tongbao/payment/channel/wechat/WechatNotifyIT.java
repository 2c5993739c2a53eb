package io.tongbao.payment.channel.wechat;

import static io.tongbao.testing.wechat.WechatNotifyForger.paidTransaction;
import static io.tongbao.testing.wechat.WechatNotifyForger.transactionNotify;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.wechat.WechatNotifyForger;

/**
 * WeChat Pay notifies on the real database, through the one notify entry: a genuine one is recorded once with its
 * payment-success event, and every kind of bad one is refused with WeChat's FAIL body and changes nothing. A test
 * platform key pair stands in for WeChat Pay's (the sandbox's is used end to end).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "payment")
class WechatNotifyIT {

    private static final KeyPair PLATFORM = rsa();
    private static final KeyPair MERCHANT = rsa();
    private static final String MCH = "1900000001";
    private static final String APP = "wx0000000000000001";
    private static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";
    private static final String SERIAL = "PUB_KEY_ID_0100000000000001";
    private static final AtomicLong PAY_NOS = new AtomicLong(System.currentTimeMillis());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JdbcTemplate jdbc;
    private final String base;

    @Autowired
    WechatNotifyIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.base = "http://127.0.0.1:" + port;
    }

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("tongbao.wechat.mch-id", () -> MCH);
        registry.add("tongbao.wechat.app-id", () -> APP);
        registry.add("tongbao.wechat.merchant-serial-no", () -> "5157F09EFDC096DE15EBE81A47057A72");
        registry.add("tongbao.wechat.private-key", () -> b64(MERCHANT.getPrivate().getEncoded()));
        registry.add("tongbao.wechat.api-v3-key", () -> API_V3_KEY);
        registry.add("tongbao.wechat.public-keys[0].id", () -> SERIAL);
        registry.add("tongbao.wechat.public-keys[0].key", () -> b64(PLATFORM.getPublic().getEncoded()));
        registry.add("tongbao.wechat.api-base-url", () -> "http://127.0.0.1:1");
        registry.add("tongbao.wechat.notify-url", () -> "http://127.0.0.1:1/api/payment/notify/wechat");
    }

    @Test
    void recordsAGenuineNotifyOnceAndAcknowledgesEveryDuplicateWith204() throws Exception {
        String payNo = pendingAttempt("WECHAT", 1250);
        WechatNotifyForger.Notify notify = genuine(paidTransaction(MCH, APP, payNo, 1250));
        for (int i = 0; i < 10; i++) {
            assertThat(post(notify).statusCode()).isEqualTo(204);
        }
        assertThat(status(payNo)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT provider_trade_no FROM pay_attempt WHERE pay_no = ?", String.class, payNo))
                .startsWith("42000");
        assertThat(events(payNo)).isEqualTo(1);
    }

    @Test
    void refusesForgedTamperedStaleAndUnknownSerialNotifiesWithFailAndChangesNothing() throws Exception {
        String payNo = pendingAttempt("WECHAT", 1250);
        String resource = paidTransaction(MCH, APP, payNo, 1250);
        long now = Instant.now().getEpochSecond();
        List<WechatNotifyForger.Notify> bad = new ArrayList<>();
        bad.add(transactionNotify(resource, API_V3_KEY, rsa().getPrivate(), SERIAL, now));
        bad.add(WechatNotifyForger.tamperedCiphertext(genuine(resource), PLATFORM.getPrivate(), SERIAL, now));
        bad.add(transactionNotify(resource, API_V3_KEY, PLATFORM.getPrivate(), SERIAL, now - 360));
        bad.add(transactionNotify(resource, API_V3_KEY, PLATFORM.getPrivate(), "PUB_KEY_ID_0199999999999999", now));
        bad.add(genuine(resource).withHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/probe"));
        bad.add(genuine(paidTransaction("1900000002", APP, payNo, 1250)));
        bad.add(genuine(paidTransaction(MCH, APP, payNo, 1)));
        for (WechatNotifyForger.Notify notify : bad) {
            HttpResponse<String> answer = post(notify);
            assertThat(answer.statusCode()).isBetween(400, 599);
            assertThat(answer.body()).contains("\"code\":\"FAIL\"");
        }
        assertThat(status(payNo)).isEqualTo("PENDING");
        assertThat(events(payNo)).isZero();
    }

    @Test
    void refusesAnUnknownOutTradeNoAndAnAttemptOfAnotherChannel() throws Exception {
        assertThat(post(genuine(paidTransaction(MCH, APP, "999999999", 1250))).statusCode()).isEqualTo(400);
        String alipayPayNo = pendingAttempt("ALIPAY", 1250);
        assertThat(post(genuine(paidTransaction(MCH, APP, alipayPayNo, 1250))).statusCode()).isEqualTo(400);
        assertThat(status(alipayPayNo)).isEqualTo("PENDING");
        assertThat(events(alipayPayNo)).isZero();
    }

    @Test
    void offersOnlyTheChannelsThatAreConfiguredWithTheirModes() throws Exception {
        HttpResponse<String> channels = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/payment/channels"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(channels.body()).isEqualTo("[{\"channel\":\"WECHAT\",\"modes\":[\"NATIVE\",\"JSAPI\",\"H5\"],"
                + "\"enabled\":true}]");
    }

    private static WechatNotifyForger.Notify genuine(String resource) {
        return transactionNotify(resource, API_V3_KEY, PLATFORM.getPrivate(), SERIAL, Instant.now().getEpochSecond());
    }

    private HttpResponse<String> post(WechatNotifyForger.Notify notify) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/payment/notify/wechat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(notify.body()));
        notify.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String pendingAttempt(String channel, long fen) {
        long id = PAY_NOS.incrementAndGet();
        jdbc.update("INSERT INTO pay_attempt (id, pay_no, user_id, channel, mode, status, amount_fen, currency, expire_at) "
                + "VALUES (?, ?, 1001, ?, 'QR', 'PENDING', ?, 'CNY', DATE_ADD(NOW(), INTERVAL 30 MINUTE))",
                id, Long.toString(id), channel, fen);
        jdbc.update("INSERT INTO pay_attempt_order (pay_no, order_no, amount_fen) VALUES (?, ?, ?)", Long.toString(id),
                "5" + id, fen);
        return Long.toString(id);
    }

    private String status(String payNo) {
        return jdbc.queryForObject("SELECT status FROM pay_attempt WHERE pay_no = ?", String.class, payNo);
    }

    private int events(String payNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND topic = 'payment-success'",
                Integer.class, payNo);
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

    private static String b64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
