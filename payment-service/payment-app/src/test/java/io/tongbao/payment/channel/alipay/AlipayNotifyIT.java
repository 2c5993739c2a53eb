package io.tongbao.payment.channel.alipay;

import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.b64;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.form;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.notifyParams;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.rsa;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.Map;
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

/**
 * Alipay notifies on the real database: verified, checked against our attempt, recorded once. A test platform key
 * pair stands in for Alipay's (the sandbox's is used end to end); forged and tampered notifies change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "payment")
class AlipayNotifyIT {

    private static final KeyPair PLATFORM = rsa();
    private static final KeyPair APP = rsa();
    private static final String APP_ID = "2021000000000001";
    private static final AtomicLong PAY_NOS = new AtomicLong(System.currentTimeMillis());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JdbcTemplate jdbc;
    private final String notifyUrl;

    @Autowired
    AlipayNotifyIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.notifyUrl = "http://127.0.0.1:" + port + "/api/payment/notify/alipay";
    }

    @DynamicPropertySource
    static void alipay(DynamicPropertyRegistry registry) {
        registry.add("tongbao.alipay.app-id", () -> APP_ID);
        registry.add("tongbao.alipay.private-key", () -> b64(APP.getPrivate().getEncoded()));
        registry.add("tongbao.alipay.alipay-public-key", () -> b64(PLATFORM.getPublic().getEncoded()));
        registry.add("tongbao.alipay.gateway-url", () -> "http://127.0.0.1:1/gateway.do");
    }

    @Test
    void recordsAPaidNotifyOnceAndAnswersSuccessToEveryDuplicate() throws Exception {
        String payNo = pendingAttempt(1250);
        Map<String, String> params = notifyParams(payNo, "12.50", "TRADE_SUCCESS", APP_ID);
        String signed = form(signed(params, PLATFORM));
        for (int i = 0; i < 6; i++) {
            assertThat(post(signed)).isEqualTo("success");
        }
        assertThat(status(payNo)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND topic = 'payment-success'",
                Integer.class, payNo)).isEqualTo(1);
    }

    @Test
    void refusesANotifySignedWithAnotherKey() throws Exception {
        String payNo = pendingAttempt(1250);
        assertRefusedAndUnchanged(payNo, form(signed(notifyParams(payNo, "12.50", "TRADE_SUCCESS", APP_ID), rsa())));
    }

    @Test
    void refusesATamperedAmountEvenWhenProperlySigned() throws Exception {
        String payNo = pendingAttempt(1250);
        assertRefusedAndUnchanged(payNo, form(signed(notifyParams(payNo, "0.01", "TRADE_SUCCESS", APP_ID), PLATFORM)));
    }

    @Test
    void refusesAnotherAppsNotify() throws Exception {
        String payNo = pendingAttempt(1250);
        assertRefusedAndUnchanged(payNo, form(signed(notifyParams(payNo, "12.50", "TRADE_SUCCESS", "2021999999999999"), PLATFORM)));
    }

    @Test
    void refusesAnUnknownTrade() throws Exception {
        assertThat(post(form(signed(notifyParams("999999999", "12.50", "TRADE_SUCCESS", APP_ID), PLATFORM)))).isEqualTo("fail");
    }

    @Test
    void refusesAMissingSignAndAMalformedBody() throws Exception {
        String payNo = pendingAttempt(1250);
        assertRefusedAndUnchanged(payNo, form(notifyParams(payNo, "12.50", "TRADE_SUCCESS", APP_ID)));
        assertRefusedAndUnchanged(payNo, "%%%not-a-form&&=");
        Map<String, String> bad = signed(notifyParams(payNo, "12.50", "TRADE_SUCCESS", APP_ID), PLATFORM);
        bad.put("total_amount", "twelve");
        assertRefusedAndUnchanged(payNo, form(bad));
    }

    @Test
    void closesTheAttemptOnAClosedNotifyWithoutPublishingASuccess() throws Exception {
        String payNo = pendingAttempt(1250);
        assertThat(post(form(signed(notifyParams(payNo, "12.50", "TRADE_CLOSED", APP_ID), PLATFORM)))).isEqualTo("success");
        assertThat(status(payNo)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ?", Integer.class, payNo))
                .isZero();
    }

    @Test
    void neitherTradeClosedAfterARefundNorTradeFinishedMonthsLaterChangesAPaidAttempt() throws Exception {
        String payNo = pendingAttempt(1250);
        assertThat(post(form(signed(notifyParams(payNo, "12.50", "TRADE_SUCCESS", APP_ID), PLATFORM)))).isEqualTo("success");
        Map<String, String> closedByRefund = notifyParams(payNo, "12.50", "TRADE_CLOSED", APP_ID);
        closedByRefund.put("refund_fee", "12.50");
        closedByRefund.put("gmt_refund", "2026-11-25 10:00:00");
        assertThat(post(form(signed(closedByRefund, PLATFORM)))).isEqualTo("success");
        assertThat(post(form(signed(notifyParams(payNo, "12.50", "TRADE_FINISHED", APP_ID), PLATFORM))))
                .isEqualTo("success");
        assertThat(status(payNo)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND topic = 'payment-success'",
                Integer.class, payNo)).isEqualTo(1);
    }

    private void assertRefusedAndUnchanged(String payNo, String body) throws Exception {
        assertThat(post(body)).isEqualTo("fail");
        assertThat(status(payNo)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ?", Integer.class, payNo))
                .isZero();
    }

    private String pendingAttempt(long fen) {
        long id = PAY_NOS.incrementAndGet();
        jdbc.update("INSERT INTO pay_attempt (id, pay_no, user_id, channel, mode, status, amount_fen, currency, expire_at) "
                + "VALUES (?, ?, 1001, 'ALIPAY', 'QR', 'PENDING', ?, 'CNY', DATE_ADD(NOW(), INTERVAL 30 MINUTE))",
                id, Long.toString(id), fen);
        jdbc.update("INSERT INTO pay_attempt_order (pay_no, order_no, amount_fen) VALUES (?, ?, ?)", Long.toString(id),
                "5" + id, fen);
        return Long.toString(id);
    }

    private String status(String payNo) {
        return jdbc.queryForObject("SELECT status FROM pay_attempt WHERE pay_no = ?", String.class, payNo);
    }

    private String post(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(notifyUrl))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

}
