package io.tongbao.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.common.money.Money;
import io.tongbao.common.settings.RefreshableSettings;
import io.tongbao.common.web.Page;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.event.OrderTimeoutDue;
import io.tongbao.order.inventory.Inventory;

/**
 * Creates the order of a business record exactly once, and schedules its timeout in the same transaction; creates
 * GOODS orders with their stock reservation; lists a caller's orders.
 */
@Service
public class OrderService {

    private final OrderMapper orders;
    private final OrderItemMapper items;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final RefreshableSettings<OrderProperties> settings;
    private final Inventory inventory;

    OrderService(OrderMapper orders, OrderItemMapper items, IdGenerator ids, Outbox outbox, TransactionTemplate tx,
            RefreshableSettings<OrderProperties> settings, Inventory inventory) {
        this.inventory = inventory;
        this.orders = orders;
        this.items = items;
        this.ids = ids;
        this.outbox = outbox;
        this.tx = tx;
        this.settings = settings;
    }

    /** The order of (bizType, bizId): created on the first call, the same one on every later call. */
    Order createOrGet(CreateOrderCommand command) {
        OrderCommands.validate(command);
        Order existing = findByBizKey(command);
        if (existing != null) {
            return sameOwner(existing, command);
        }
        long id = ids.nextId();
        try {
            return tx.execute(status -> insert(command, id));
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

    /**
     * A GOODS order for the caller: priced from our catalog, and its stock reserved in the same transaction as the
     * order itself, all lines or none (409 OUT_OF_STOCK). A GOODS order is its own business record: bizId = its id.
     */
    Order createGoods(long userId, SortedMap<Long, Integer> quantities) {
        List<CreateOrderCommand.Item> lines = inventory.price(quantities).stream()
                .map(sku -> new CreateOrderCommand.Item("SKU", sku.skuId(), sku.name(), quantities.get(sku.skuId()),
                        sku.priceFen()))
                .toList();
        long id = ids.nextId();
        CreateOrderCommand command = new CreateOrderCommand(userId, BizType.GOODS, Long.toString(id), lines, null);
        OrderCommands.validate(command);
        return tx.execute(status -> {
            inventory.reserve(id, quantities);
            return insert(command, id);
        });
    }

    /**
     * A GOODS order of one line whose units are already held for it elsewhere (a flash sale's), at the price given
     * by that holder; {@code hold} gives the units to the order inside the same transaction (the caller's, if any).
     */
    public Order createGoodsHeld(long userId, long orderId, CreateOrderCommand.Item line, Runnable hold) {
        CreateOrderCommand command = new CreateOrderCommand(userId, BizType.GOODS, Long.toString(orderId),
                List.of(line), null);
        OrderCommands.validate(command);
        return tx.execute(status -> {
            hold.run();
            return insert(command, orderId);
        });
    }

    /** The caller's orders, newest first, optionally of one status. */
    Page<Order> listOf(long userId, OrderStatus status, int page, int size) {
        LambdaQueryWrapper<Order> mine = new LambdaQueryWrapper<Order>().eq(Order::getUserId, userId)
                .eq(status != null, Order::getStatus, status == null ? null : status.name());
        long total = orders.selectCount(mine);
        List<Order> rows = total == 0 ? List.of()
                : orders.selectList(mine.orderByDesc(Order::getId).last("LIMIT " + size + " OFFSET " + (long) (page - 1) * size));
        return new Page<>(rows, page, size, total);
    }

    /** The items of several orders in one query, by order id. */
    Map<Long, List<OrderItem>> itemsOf(List<Order> several) {
        if (several.isEmpty()) {
            return Map.of();
        }
        return items.selectList(new LambdaQueryWrapper<OrderItem>()
                        .in(OrderItem::getOrderId, several.stream().map(Order::getId).toList()).orderByAsc(OrderItem::getId))
                .stream().collect(Collectors.groupingBy(OrderItem::getOrderId));
    }

    private Order insert(CreateOrderCommand command, long id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
        OrderProperties properties = settings.get();
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
