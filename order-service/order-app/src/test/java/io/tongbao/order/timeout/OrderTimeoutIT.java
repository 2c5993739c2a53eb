package io.tongbao.order.timeout;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tongbao.order.PaymentServiceStub;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.checkout.OrderMapper;
import io.tongbao.testing.RealMiddleware;

/**
 * The order timeout on the real broker and database. payment-service's close API is stood in for by a stub that
 * records each call and answers "paid" for the orders a test marks so.
 */
@SpringBootTest
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class OrderTimeoutIT {

    private static final PaymentServiceStub PAYMENT_SERVICE = new PaymentServiceStub();
    private static final List<String> CLOSE_CALLS = PAYMENT_SERVICE.closeCalls;
    private static final Set<String> PAID_AT_PROVIDER = PAYMENT_SERVICE.paidAtProvider;

    private final OrderInternalApi orders;
    private final OrderMapper mapper;
    private final JdbcTemplate jdbc;

    @Autowired
    OrderTimeoutIT(OrderInternalApi orders, OrderMapper mapper, JdbcTemplate jdbc) {
        this.orders = orders;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @DynamicPropertySource
    static void paymentService(DynamicPropertyRegistry registry) {
        registry.add(PaymentServiceStub.DISCOVERY_PROPERTY, PAYMENT_SERVICE::uri);
    }

    @AfterAll
    static void stopStub() {
        PAYMENT_SERVICE.close();
    }

    private String newOrder(long timeoutSeconds) {
        return orders.createOrder(new CreateOrderCommand(1001, BizType.COIN_RECHARGE, "t-" + UUID.randomUUID(),
                List.of(new CreateOrderCommand.Item("POD", 30001, "60 coins", 1, 600)), timeoutSeconds)).orderNo();
    }

    @Test
    void closesAnUnpaidOrderAfterClosingItsAttemptsAndPublishesClosed() {
        String orderNo = newOrder(2);
        await(() -> "CLOSED".equals(status(orderNo)));
        assertThat(CLOSE_CALLS).contains(orderNo);
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND tag = 'CLOSED'",
                Integer.class, orderNo) == 1);
    }

    @Test
    void leavesTheOrderToItsPaymentWhenTheProviderSaysItWasPaid() throws InterruptedException {
        String orderNo = newOrder(2);
        PAID_AT_PROVIDER.add(orderNo);
        await(() -> CLOSE_CALLS.contains(orderNo));
        Thread.sleep(1_000);
        assertThat(status(orderNo)).isEqualTo("UNPAID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND tag = 'CLOSED'",
                Integer.class, orderNo)).isZero();
    }

    @Test
    void ignoresTheTimerOfAnOrderPaidBeforeItFired() throws InterruptedException {
        String orderNo = newOrder(2);
        assertThat(mapper.updateUnpaidToPaid(orderNo, 600, Instant.now(), "pay-early")).isEqualTo(1);
        Thread.sleep(6_000);
        assertThat(status(orderNo)).isEqualTo("PAID");
        assertThat(CLOSE_CALLS).doesNotContain(orderNo);
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }
}
