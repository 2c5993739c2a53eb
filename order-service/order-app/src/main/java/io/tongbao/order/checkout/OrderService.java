package io.tongbao.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.common.money.Money;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.event.OrderTimeoutDue;

/** Creates the order of a business record exactly once, and schedules its timeout in the same transaction. */
@Service
class OrderService {

    private final OrderMapper orders;
    private final OrderItemMapper items;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final OrderProperties properties;

    OrderService(OrderMapper orders, OrderItemMapper items, IdGenerator ids, Outbox outbox, TransactionTemplate tx,
            OrderProperties properties) {
        this.orders = orders;
        this.items = items;
        this.ids = ids;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
    }

    /** The order of (bizType, bizId): created on the first call, the same one on every later call. */
    Order createOrGet(CreateOrderCommand command) {
        OrderCommands.validate(command);
        Order existing = findByBizKey(command);
        if (existing != null) {
            return sameOwner(existing, command);
        }
        try {
            return tx.execute(status -> insert(command));
        } catch (DuplicateKeyException concurrentCreate) {
            return sameOwner(findByBizKey(command), command);
        }
    }

    Order find(String orderNo) {
        return orders.selectOne(new LambdaQueryWrapper<Order>().eq(Order::getOrderNo, orderNo));
    }

    List<OrderItem> itemsOf(Order order) {
        return items.selectList(new LambdaQueryWrapper<OrderItem>().eq(OrderItem::getOrderId, order.getId())
                .orderByAsc(OrderItem::getId));
    }

    private Order insert(CreateOrderCommand command) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = ids.nextId();
        Order order = new Order();
        order.setId(id);
        order.setOrderNo(Long.toString(id));
        order.setUserId(command.userId());
        order.setBizType(command.bizType().name());
        order.setBizId(command.bizId());
        order.setStatus(OrderStatus.UNPAID.name());
        order.setAmountFen(OrderCommands.amountFen(command));
        order.setPaidAmountFen(0L);
        order.setRefundedAmountFen(0L);
        order.setCurrency(Money.CNY);
        order.setCreatedAt(now);
        order.setExpireAt(now.plus(timeout(command)));
        orders.insert(order);
        for (CreateOrderCommand.Item line : command.items()) {
            items.insert(OrderCommands.item(ids.nextId(), id, line));
        }
        outbox.enqueue(OrderTimeoutDue.TOPIC, null, order.getOrderNo(),
                new OrderTimeoutDue(UUID.randomUUID().toString(), now, order.getOrderNo(), order.getExpireAt()),
                order.getExpireAt());
        return order;
    }

    private Duration timeout(CreateOrderCommand command) {
        if (command.timeoutSeconds() == null) {
            return properties.timeout();
        }
        Duration asked = Duration.ofSeconds(command.timeoutSeconds());
        return asked.compareTo(properties.maxTimeout()) > 0 ? properties.maxTimeout() : asked;
    }

    private Order findByBizKey(CreateOrderCommand command) {
        return orders.selectOne(new LambdaQueryWrapper<Order>().eq(Order::getBizType, command.bizType().name())
                .eq(Order::getBizId, command.bizId()));
    }

    private static Order sameOwner(Order order, CreateOrderCommand command) {
        if (order.getUserId() != command.userId()) {
            throw ApiException.conflict("BIZ_KEY_CONFLICT", "The business record already has another user's order");
        }
        return order;
    }
}
