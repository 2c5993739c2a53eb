package io.tongbao.order.refund;

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
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.payment.api.event.RefundSucceeded;
import io.tongbao.testing.RealMiddleware;
import tools.jackson.databind.json.JsonMapper;

/** refund-success (REQUESTED) → order PARTIALLY_REFUNDED / REFUNDED → order-events REFUNDED, on the real parts. */
@SpringBootTest
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class RefundSuccessConsumerIT {

    private static final List<OrderEvent> ORDER_EVENTS = new CopyOnWriteArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderInternalApi orders;
    private final RefundApplier applier;
    private final RocketMQTemplate rocketmq;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    @Autowired
    RefundSuccessConsumerIT(OrderInternalApi orders, RefundApplier applier, RocketMQTemplate rocketmq,
            JdbcTemplate jdbc, JsonMapper json) {
        this.orders = orders;
        this.applier = applier;
        this.rocketmq = rocketmq;
        this.jdbc = jdbc;
        this.json = json;
    }

    @TestConfiguration
    static class EventProbe {
        @Bean
        Probe refundedEventsProbe() {
            return new Probe();
        }
    }

    @RocketMQMessageListener(topic = "order-events", consumerGroup = "order-service-it-refund-order-events-probe")
    static class Probe implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            ORDER_EVENTS.add(JSON.readValue(new String(message.getBody(), StandardCharsets.UTF_8), OrderEvent.class));
        }
    }

    @Test
    void movesAPaidOrderToPartiallyRefundedThenRefundedAndPublishesARefundedEventForEachRefund() {
        String orderNo = paidOrder(1000, "pay-1-");
        String payNo = payNo(orderNo);
        publish(requested(orderNo, payNo, 300));
        await(() -> refunded(orderNo, 300));
        assertThat(status(orderNo)).isEqualTo("PARTIALLY_REFUNDED");
        await(() -> eventOf(orderNo, 300) != null);
        OrderEvent partial = eventOf(orderNo, 300);
        assertThat(partial.paidAmountFen()).isEqualTo(1000);
        assertThat(partial.payNo()).isEqualTo(payNo);
        assertThat(partial.bizType()).isEqualTo(BizType.COIN_RECHARGE);
        assertThat(partial.fullyRefunded()).isFalse();

        publish(requested(orderNo, payNo, 700));
        await(() -> refunded(orderNo, 1000));
        assertThat(status(orderNo)).isEqualTo("REFUNDED");
        await(() -> eventOf(orderNo, 1000) != null);
        assertThat(eventOf(orderNo, 1000).fullyRefunded()).isTrue();
        assertThat(orders.order(orderNo).refundedAmount()).isEqualTo("10.00");
    }

    @Test
    void aRefundDeliveredAgainOrUnderANewEventIdChangesNothing() {
        String orderNo = paidOrder(1000, "pay-2-");
        RefundSucceeded refund = requested(orderNo, payNo(orderNo), 400);
        assertThat(applier.apply(refund)).isEqualTo(RefundApplier.Outcome.APPLIED);
        assertThat(applier.apply(refund)).isEqualTo(RefundApplier.Outcome.ALREADY_APPLIED);
        RefundSucceeded sameRefundNewEvent = new RefundSucceeded(UUID.randomUUID().toString(), Instant.now(),
                refund.refundNo(), refund.payNo(), orderNo, "ALIPAY", "REQUESTED", 400, Instant.now());
        assertThat(applier.apply(sameRefundNewEvent)).isEqualTo(RefundApplier.Outcome.ALREADY_APPLIED);
        assertThat(refundedAmount(orderNo)).isEqualTo(400);
        assertThat(status(orderNo)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(refundedEventsInOutbox(orderNo)).isEqualTo(1);
    }

    @Test
    void aRefundThatWouldExceedThePaidAmountChangesNothing() {
        String orderNo = paidOrder(1000, "pay-3-");
        String payNo = payNo(orderNo);
        assertThat(applier.apply(requested(orderNo, payNo, 600))).isEqualTo(RefundApplier.Outcome.APPLIED);
        RefundSucceeded tooMuch = requested(orderNo, payNo, 401);
        assertThat(applier.apply(tooMuch)).isEqualTo(RefundApplier.Outcome.NOT_APPLIED);
        assertThat(applier.apply(requested(orderNo, "pay-other", 100))).as("another payment")
                .isEqualTo(RefundApplier.Outcome.NOT_APPLIED);
        assertThat(refundedAmount(orderNo)).isEqualTo(600);
        assertThat(status(orderNo)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(refundedEventsInOutbox(orderNo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM order_refund WHERE refund_no = ?", String.class,
                tooMuch.refundNo())).isEqualTo("NOT_APPLIED");
        assertThat(applier.apply(requested(orderNo, payNo, 400))).as("exactly the rest")
                .isEqualTo(RefundApplier.Outcome.APPLIED);
        assertThat(status(orderNo)).isEqualTo("REFUNDED");
    }

    @Test
    void aRefundOfAnOrderThatIsNotPaidChangesNothing() {
        String unpaid = newOrder(1000);
        assertThat(applier.apply(requested(unpaid, "pay-x", 100))).isEqualTo(RefundApplier.Outcome.NOT_APPLIED);
        assertThat(status(unpaid)).isEqualTo("UNPAID");
        assertThat(refundedAmount(unpaid)).isZero();
        assertThat(refundedEventsInOutbox(unpaid)).isZero();
    }

    private String newOrder(long fen) {
        return orders.createOrder(new CreateOrderCommand(1001, BizType.COIN_RECHARGE, "r-" + UUID.randomUUID(),
                List.of(new CreateOrderCommand.Item("POD", 30002, "coins", 1, fen)), 1800L)).orderNo();
    }

    private String paidOrder(long fen, String payPrefix) {
        String orderNo = newOrder(fen);
        jdbc.update("UPDATE orders SET status = 'PAID', paid_amount_fen = amount_fen, pay_no = ?, paid_at = NOW(3) "
                + "WHERE order_no = ? AND status = 'UNPAID'", payPrefix + orderNo, orderNo);
        return orderNo;
    }

    private static RefundSucceeded requested(String orderNo, String payNo, long fen) {
        return new RefundSucceeded(UUID.randomUUID().toString(), Instant.now(), "rf-" + UUID.randomUUID(), payNo,
                orderNo, "ALIPAY", "REQUESTED", fen, Instant.now());
    }

    private void publish(RefundSucceeded event) {
        rocketmq.syncSend(RefundSucceeded.TOPIC + ":" + event.channel(), MessageBuilder
                .withPayload(json.writeValueAsString(event)).setHeader(RocketMQHeaders.KEYS, event.orderNo()).build());
    }

    private static OrderEvent eventOf(String orderNo, long refundedFen) {
        return ORDER_EVENTS.stream().filter(e -> e.orderNo().equals(orderNo) && e.type() == OrderEvent.Type.REFUNDED
                && e.refundedAmountFen() == refundedFen).findFirst().orElse(null);
    }

    private String payNo(String orderNo) {
        return jdbc.queryForObject("SELECT pay_no FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    private long refundedAmount(String orderNo) {
        return jdbc.queryForObject("SELECT refunded_amount_fen FROM orders WHERE order_no = ?", Long.class, orderNo);
    }

    private boolean refunded(String orderNo, long fen) {
        return refundedAmount(orderNo) == fen;
    }

    private int refundedEventsInOutbox(String orderNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'order-events' "
                + "AND tag = 'REFUNDED' AND message_key = ?", Integer.class, orderNo);
    }
}
