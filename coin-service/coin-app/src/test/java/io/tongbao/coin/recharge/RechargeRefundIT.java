package io.tongbao.coin.recharge;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refunding a coin recharge on the real parts: payment-service's internal take-back of the coins (proportional,
 * rounded up, once per refund, never below zero), and the REFUNDED order event that closes the recharge.
 * Each recharge here is the 300 + 30 coins pack for 30.00 (3000 fen).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "coin")
class RechargeRefundIT {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final RocketMQTemplate rocketmq;
    private final JsonMapper json;
    private final String url;

    @Autowired
    RechargeRefundIT(JdbcTemplate jdbc, RocketMQTemplate rocketmq, JsonMapper json,
            @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.rocketmq = rocketmq;
        this.json = json;
        this.url = "http://127.0.0.1:" + port + "/internal/coin/refund-debits";
    }

    @Test
    void takesBackThePartOfCoinAndGiftCoinThatIsRefundedRoundedUpAndARepeatAnswersTheFirstDebit() {
        Recharge recharge = paidRecharge(330);
        TestHttp.Response first = takeBack(recharge.orderNo, "rf-1-" + recharge.orderNo, 1001);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // 330 × 1001 / 3000 = 110.11 coins
        assertThat(number(first, "coins")).isEqualTo(111);
        assertThat(number(first, "balanceAfter")).isEqualTo(219);
        assertThat(takeBack(recharge.orderNo, "rf-1-" + recharge.orderNo, 1001).body()).isEqualTo(first.body());
        TestHttp.Response cent = takeBack(recharge.orderNo, "rf-2-" + recharge.orderNo, 1);
        assertThat(number(cent, "coins")).as("one fen of 30.00 still costs a coin").isEqualTo(1);
        assertThat(balance(recharge.user)).isEqualTo(218);
        assertThat(ledgerSum(recharge.user)).isEqualTo(218);
        assertThat(jdbc.queryForMap("SELECT type, coins, balance_after FROM coin_ledger WHERE biz_type = 'REFUND' "
                + "AND biz_id = ?", "rf-1-" + recharge.orderNo)).containsEntry("type", "DEBIT")
                .containsEntry("coins", -111L).containsEntry("balance_after", 219L);
        assertThat(refundEntries(recharge.user)).isEqualTo(2);
    }

    @Test
    void takesBackEveryCoinOfAFullRefund() {
        Recharge recharge = paidRecharge(400);
        TestHttp.Response full = takeBack(recharge.orderNo, "rf-full-" + recharge.orderNo, 3000);
        assertThat(number(full, "coins")).isEqualTo(330);
        assertThat(balance(recharge.user)).isEqualTo(70);
    }

    @Test
    void refusesWith409WhenTheCoinsWereSpentAndWritesNothing() {
        Recharge recharge = paidRecharge(100);
        TestHttp.Response refused = takeBack(recharge.orderNo, "rf-spent-" + recharge.orderNo, 1000);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("COINS_ALREADY_SPENT");
        assertThat(balance(recharge.user)).isEqualTo(100);
        assertThat(refundEntries(recharge.user)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Integer.class,
                recharge.user)).isEqualTo(1);
        assertThat(takeBack(recharge.orderNo, "rf-fits-" + recharge.orderNo, 900).status())
                .as("99 coins still fit").isEqualTo(200);
        assertThat(balance(recharge.user)).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownOrderAnUncreditedRechargeAndABadAmount() {
        TestHttp.Response unknown = takeBack("9" + IDS.incrementAndGet(), "rf-x", 100);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("RECHARGE_NOT_FOUND");
        Recharge unpaid = recharge(0, "UNPAID");
        TestHttp.Response notCredited = takeBack(unpaid.orderNo, "rf-u-" + unpaid.orderNo, 100);
        assertThat(notCredited.status()).isEqualTo(409);
        assertThat(JSON.readTree(notCredited.body()).get("code").asString()).isEqualTo("RECHARGE_NOT_CREDITED");
        Recharge paid = paidRecharge(330);
        assertThat(takeBack(paid.orderNo, "rf-over-" + paid.orderNo, 3001).status()).isEqualTo(400);
        assertThat(balance(paid.user)).isEqualTo(330);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE biz_type = 'REFUND' "
                + "AND biz_id IN (?, ?)", Integer.class, "rf-u-" + unpaid.orderNo, "rf-over-" + paid.orderNo)).isZero();
    }

    @Test
    void aFullRefundMarksTheRechargeRefundedWithoutTakingCoinsAgainAndAPartialOneLeavesItPaid() {
        Recharge recharge = paidRecharge(330);
        OrderEvent partial = refunded(recharge, 1000);
        publish(partial);
        awaitHandled(partial);
        assertThat(status(recharge)).isEqualTo("PAID");
        OrderEvent full = refunded(recharge, 3000);
        publish(full);
        await(() -> "REFUNDED".equals(status(recharge)));
        assertThat(balance(recharge.user)).isEqualTo(330);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Integer.class,
                recharge.user)).isEqualTo(1);
    }

    @Test
    void aFullRefundThatOvertakesThePaidEventStillEndsRefunded() {
        Recharge recharge = recharge(0, "UNPAID");
        publish(refunded(recharge, 3000));
        publish(new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.PAID, recharge.orderNo,
                recharge.user, BizType.COIN_RECHARGE, Long.toString(recharge.id), 3000, 3000, "pay-1", 0));
        await(() -> "REFUNDED".equals(status(recharge)));
        assertThat(balance(recharge.user)).as("credited by the PAID event").isEqualTo(330);
    }

    private record Recharge(long id, long user, String orderNo) {
    }

    private Recharge paidRecharge(long walletCoins) {
        return recharge(walletCoins, "PAID");
    }

    /** A recharge of the 330-coin pack in {@code status}; the wallet holds {@code walletCoins} from one credit. */
    private Recharge recharge(long walletCoins, String status) {
        long id = IDS.incrementAndGet();
        Recharge recharge = new Recharge(id, id, "7" + id);
        jdbc.update("INSERT INTO recharge (id, user_id, pod_id, order_no, amount_fen, coin, gift_coin, status) "
                + "VALUES (?, ?, 30002, ?, 3000, 300, 30, ?)", id, recharge.user, recharge.orderNo, status);
        if (walletCoins > 0) {
            jdbc.update("INSERT INTO wallet (user_id, balance) VALUES (?, ?)", recharge.user, walletCoins);
            jdbc.update("INSERT INTO coin_ledger (id, user_id, type, coins, balance_after, biz_type, biz_id) "
                    + "VALUES (?, ?, 'CREDIT', ?, ?, 'COIN_RECHARGE', ?)", id, recharge.user, walletCoins, walletCoins,
                    Long.toString(id));
        }
        return recharge;
    }

    private TestHttp.Response takeBack(String orderNo, String refundNo, long refundFen) {
        return TestHttp.postJson(url, """
                {"orderNo":"%s","refundNo":"%s","refundFen":%d,"paidFen":3000}"""
                .formatted(orderNo, refundNo, refundFen));
    }

    private static OrderEvent refunded(Recharge recharge, long refundedFen) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.REFUNDED, recharge.orderNo,
                recharge.user, BizType.COIN_RECHARGE, Long.toString(recharge.id), 3000, 3000, "pay-1", refundedFen);
    }

    private void publish(OrderEvent event) {
        rocketmq.syncSend(OrderEvent.TOPIC + ":" + event.type(), MessageBuilder
                .withPayload(json.writeValueAsString(event)).setHeader(RocketMQHeaders.KEYS, event.orderNo()).build());
    }

    /** The consumer records the event id in the transaction of its effects: once it is there, it has been handled. */
    private void awaitHandled(OrderEvent event) {
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE consumer_group = ? AND event_id = ?",
                Integer.class, RechargeCredits.GROUP, event.eventId()) == 1);
    }

    private static long number(TestHttp.Response response, String field) {
        return Long.parseLong(JSON.readTree(response.body()).get(field).asString());
    }

    private String status(Recharge recharge) {
        return jdbc.queryForObject("SELECT status FROM recharge WHERE id = ?", String.class, recharge.id);
    }

    private long balance(long user) {
        return jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", Long.class, user);
    }

    private long ledgerSum(long user) {
        return jdbc.queryForObject("SELECT SUM(coins) FROM coin_ledger WHERE user_id = ?", Long.class, user);
    }

    private int refundEntries(long user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ? AND biz_type = 'REFUND'",
                Integer.class, user);
    }
}
