package io.tongbao.order.payment;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import io.tongbao.order.api.OrderView;
import io.tongbao.payment.api.event.PaymentSucceeded;
import io.tongbao.testing.RealMiddleware;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** payment-success → order PAID → order-events PAID, exactly once, on the real broker and database. */
@SpringBootTest
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class PaymentSuccessConsumerIT {

    private static final BlockingQueue<MessageExt> ORDER_EVENTS = new LinkedBlockingQueue<>();

    private final OrderInternalApi orders;
    private final RocketMQTemplate rocketmq;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    @Autowired
    PaymentSuccessConsumerIT(OrderInternalApi orders, RocketMQTemplate rocketmq, JdbcTemplate jdbc, JsonMapper json) {
        this.orders = orders;
        this.rocketmq = rocketmq;
        this.jdbc = jdbc;
        this.json = json;
    }

    @TestConfiguration
    static class EventProbe {
        @Bean
        Probe orderEventsProbe() {
            return new Probe();
        }
    }

    @RocketMQMessageListener(topic = "order-events", consumerGroup = "order-service-it-order-events-probe")
    static class Probe implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            ORDER_EVENTS.add(message);
        }
    }

    private OrderView newOrder(long timeoutSeconds) {
        return orders.createOrder(new CreateOrderCommand(1001, BizType.COIN_RECHARGE, "r-" + UUID.randomUUID(),
                List.of(new CreateOrderCommand.Item("POD", 30001, "60 coins", 1, 600)), timeoutSeconds));
    }

    private void publish(PaymentSucceeded event) {
        rocketmq.syncSend(PaymentSucceeded.TOPIC + ":ALIPAY", MessageBuilder.withPayload(json.writeValueAsString(event))
                .setHeader(RocketMQHeaders.KEYS, event.payNo()).build());
    }

    private static PaymentSucceeded success(String payNo, String orderNo, long fen) {
        return new PaymentSucceeded(UUID.randomUUID().toString(), Instant.now(), payNo, "ALIPAY", 1001, fen,
                Instant.now(), List.of(new PaymentSucceeded.PaidOrder(orderNo, fen)));
    }

    @Test
    void paysTheOrderAndPublishesOnePaidEventEvenWhenTheMessageArrivesFourTimes() throws Exception {
        String orderNo = newOrder(1800).orderNo();
        PaymentSucceeded event = success("pay-" + UUID.randomUUID(), orderNo, 600);
        for (int i = 0; i < 4; i++) {
            publish(event);
        }
        MessageExt paid = awaitEvent(orderNo, Duration.ofSeconds(30));
        assertThat(paid).as("no order-events message for " + orderNo).isNotNull();
        assertThat(paid.getTags()).isEqualTo("PAID");
        JsonNode body = json.readTree(new String(paid.getBody(), StandardCharsets.UTF_8));
        assertThat(body.get("type").asString()).isEqualTo("PAID");
        assertThat(body.get("bizType").asString()).isEqualTo("COIN_RECHARGE");
        assertThat(body.get("payNo").asString()).isEqualTo(event.payNo());
        await(() -> "PAID".equals(status(orderNo)));
        Thread.sleep(2_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND topic = 'order-events'",
                Integer.class, orderNo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT paid_amount_fen FROM orders WHERE order_no = ?", Long.class, orderNo))
                .isEqualTo(600);
    }

    @Test
    void keepsASecondPaymentOfAPaidOrderForRefund() {
        String orderNo = newOrder(1800).orderNo();
        publish(success("pay-a-" + UUID.randomUUID(), orderNo, 600));
        await(() -> "PAID".equals(status(orderNo)));
        String second = "pay-b-" + UUID.randomUUID();
        publish(success(second, orderNo, 600));
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM late_payment WHERE pay_no = ?", Integer.class, second) == 1);
        assertThat(jdbc.queryForObject("SELECT order_status FROM late_payment WHERE pay_no = ?", String.class, second))
                .isEqualTo("PAID");
    }

    @Test
    void keepsAPaymentOfAClosedOrderForRefundAndLeavesTheOrderClosed() {
        String orderNo = newOrder(1800).orderNo();
        jdbc.update("UPDATE orders SET status = 'CLOSED' WHERE order_no = ? AND status = 'UNPAID'", orderNo);
        String payNo = "pay-late-" + UUID.randomUUID();
        publish(success(payNo, orderNo, 600));
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM late_payment WHERE pay_no = ?", Integer.class, payNo) == 1);
        assertThat(status(orderNo)).isEqualTo("CLOSED");
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    private static MessageExt awaitEvent(String orderNo, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            MessageExt m = ORDER_EVENTS.poll(200, TimeUnit.MILLISECONDS);
            if (m != null && orderNo.equals(m.getKeys())) {
                return m;
            }
        }
        return null;
    }
}
