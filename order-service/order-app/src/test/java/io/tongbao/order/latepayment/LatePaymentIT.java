package io.tongbao.order.latepayment;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.order.api.BizType;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.event.LatePaymentKept;
import io.tongbao.payment.api.event.PaymentSucceeded;
import io.tongbao.payment.api.event.RefundSucceeded;
import io.tongbao.testing.RealMiddleware;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment its order did not apply is kept and announced on late-payment (LATE_PAYMENT for a closed order,
 * DUPLICATE_PAYMENT for a paid one), and its refund-success settles it without touching the order. The scheduled
 * announcement of older rows is left to the test (an hour apart), so that each round is the test's own.
 */
@SpringBootTest(properties = "tongbao.order.late-payments.announce-interval=PT1H")
@ActiveProfiles("local")
@RealMiddleware(database = "order", topics = LatePaymentKept.TOPIC)
class LatePaymentIT {

    private static final List<LatePaymentKept> ANNOUNCED = new CopyOnWriteArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderInternalApi orders;
    private final LatePaymentAnnouncer announcer;
    private final RocketMQTemplate rocketmq;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    @Autowired
    LatePaymentIT(OrderInternalApi orders, LatePaymentAnnouncer announcer, RocketMQTemplate rocketmq,
            JdbcTemplate jdbc, JsonMapper json) {
        this.orders = orders;
        this.announcer = announcer;
        this.rocketmq = rocketmq;
        this.jdbc = jdbc;
        this.json = json;
    }

    @TestConfiguration
    static class AnnouncementProbe {
        @Bean
        Probe latePaymentProbe() {
            return new Probe();
        }
    }

    @RocketMQMessageListener(topic = LatePaymentKept.TOPIC, consumerGroup = "order-service-it-late-payment-probe")
    static class Probe implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            LatePaymentKept kept = JSON.readValue(new String(message.getBody(), StandardCharsets.UTF_8),
                    LatePaymentKept.class);
            if (kept.kind().equals(message.getTags()) && kept.payNo().equals(message.getKeys())) {
                ANNOUNCED.add(kept);
            }
        }
    }

    @Test
    void announcesAPaymentOfAClosedOrderAsLateAndItsRefundSettlesItWhileTheOrderStaysClosed() {
        String orderNo = newOrder();
        jdbc.update("UPDATE orders SET status = 'CLOSED', closed_at = NOW(3) WHERE order_no = ? AND status = 'UNPAID'",
                orderNo);
        String payNo = "pay-late-" + UUID.randomUUID();
        publish(success(payNo, orderNo));
        await(() -> announced(payNo) != null);
        LatePaymentKept kept = announced(payNo);
        assertThat(kept.kind()).isEqualTo("LATE_PAYMENT");
        assertThat(kept.orderNo()).isEqualTo(orderNo);
        assertThat(kept.amountFen()).isEqualTo(600);
        assertThat(column("announced", payNo, Boolean.class)).isTrue();

        publish(refund(payNo, orderNo, "LATE_PAYMENT"));
        await(() -> "REFUNDED".equals(column("status", payNo, String.class)));
        assertThat(jdbc.queryForMap("SELECT status, refunded_amount_fen FROM orders WHERE order_no = ?", orderNo))
                .containsEntry("status", "CLOSED").containsEntry("refunded_amount_fen", 0L);
    }

    @Test
    void announcesASecondPaymentOfAPaidOrderAsADuplicateOnce() {
        String orderNo = newOrder();
        String first = "pay-a-" + UUID.randomUUID();
        PaymentSucceeded paying = success(first, orderNo);
        publish(paying);
        await(() -> "PAID".equals(orders.order(orderNo).status().name()));
        String second = "pay-b-" + UUID.randomUUID();
        PaymentSucceeded duplicate = success(second, orderNo);
        PaymentSucceeded duplicateAgain = success(second, orderNo);
        publish(duplicate);
        publish(duplicateAgain);
        await(() -> announced(second) != null);
        assertThat(announced(second).kind()).isEqualTo("DUPLICATE_PAYMENT");
        // every delivery has been handled once its event id is in the inbox (same transaction as its effects)
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE consumer_group = "
                + "'order-service-payment-success' AND event_id IN (?, ?, ?)", Integer.class, paying.eventId(),
                duplicate.eventId(), duplicateAgain.eventId()) == 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'late-payment' "
                + "AND message_key = ?", Integer.class, second)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'late-payment' "
                + "AND message_key = ?", Integer.class, first)).as("the payment that paid the order").isZero();
        assertThat(orders.order(orderNo).payNo()).isEqualTo(first);
    }

    @Test
    void announcesRowsKeptBeforeAnnouncingExistedOnceAndSkipsTheOrdersOwnPayment() {
        String closed = newOrder();
        jdbc.update("UPDATE orders SET status = 'CLOSED' WHERE order_no = ?", closed);
        String paid = newOrder();
        jdbc.update("UPDATE orders SET status = 'PAID', paid_amount_fen = 600, pay_no = ? WHERE order_no = ?",
                "pay-own-" + paid, paid);
        String latePay = "pay-old-late-" + UUID.randomUUID();
        String dupPay = "pay-old-dup-" + UUID.randomUUID();
        keptUnannounced(latePay, closed, "CLOSED");
        keptUnannounced(dupPay, paid, "PAID");
        keptUnannounced("pay-own-" + paid, paid, "UNPAID");

        assertThat(announcer.announcePending()).isEqualTo(2);
        assertThat(announcer.announcePending()).as("a second round").isZero();
        await(() -> announced(latePay) != null && announced(dupPay) != null);
        assertThat(announced(latePay).kind()).isEqualTo("LATE_PAYMENT");
        assertThat(announced(dupPay).kind()).isEqualTo("DUPLICATE_PAYMENT");
        assertThat(column("announced", "pay-own-" + paid, Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'late-payment' "
                + "AND message_key IN (?, ?, ?)", Integer.class, latePay, dupPay, "pay-own-" + paid)).isEqualTo(2);
    }

    private void keptUnannounced(String payNo, String orderNo, String orderStatus) {
        jdbc.update("INSERT INTO late_payment (id, pay_no, order_no, amount_fen, order_status, status) "
                + "VALUES (?, ?, ?, 600, ?, 'TO_REFUND')", Math.abs(UUID.randomUUID().getMostSignificantBits()), payNo,
                orderNo, orderStatus);
    }

    private String newOrder() {
        return orders.createOrder(new CreateOrderCommand(1001, BizType.COIN_RECHARGE, "r-" + UUID.randomUUID(),
                List.of(new CreateOrderCommand.Item("POD", 30001, "60 coins", 1, 600)), 1800L)).orderNo();
    }

    private static PaymentSucceeded success(String payNo, String orderNo) {
        return new PaymentSucceeded(UUID.randomUUID().toString(), Instant.now(), payNo, "ALIPAY", 1001, 600,
                Instant.now(), List.of(new PaymentSucceeded.PaidOrder(orderNo, 600)));
    }

    private static RefundSucceeded refund(String payNo, String orderNo, String kind) {
        return new RefundSucceeded(UUID.randomUUID().toString(), Instant.now(), "rf-" + UUID.randomUUID(), payNo,
                orderNo, "ALIPAY", kind, 600, Instant.now());
    }

    private void publish(PaymentSucceeded event) {
        rocketmq.syncSend(PaymentSucceeded.TOPIC + ":ALIPAY", MessageBuilder.withPayload(json.writeValueAsString(event))
                .setHeader(RocketMQHeaders.KEYS, event.payNo()).build());
    }

    private void publish(RefundSucceeded event) {
        rocketmq.syncSend(RefundSucceeded.TOPIC + ":ALIPAY", MessageBuilder.withPayload(json.writeValueAsString(event))
                .setHeader(RocketMQHeaders.KEYS, event.orderNo()).build());
    }

    private static LatePaymentKept announced(String payNo) {
        return ANNOUNCED.stream().filter(k -> k.payNo().equals(payNo)).findFirst().orElse(null);
    }

    private <T> T column(String column, String payNo, Class<T> type) {
        return jdbc.queryForObject("SELECT " + column + " FROM late_payment WHERE pay_no = ?", type, payNo);
    }
}
