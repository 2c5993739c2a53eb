package io.tongbao.coin.recharge;

import org.springframework.stereotype.Service;

import io.tongbao.coin.pod.Pod;
import io.tongbao.coin.pod.PodCatalog;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.OrderView;

/**
 * A recharge is recorded first, then its order is asked of order-service. The order is keyed by the recharge id,
 * so asking again (after a timeout or a crash in between) returns the same order, never a second one.
 */
@Service
class RechargeService {

    private final RechargeMapper recharges;
    private final PodCatalog pods;
    private final OrderInternalApi orders;
    private final IdGenerator ids;

    RechargeService(RechargeMapper recharges, PodCatalog pods, OrderInternalApi orders, IdGenerator ids) {
        this.recharges = recharges;
        this.pods = pods;
        this.orders = orders;
        this.ids = ids;
    }

    Recharge create(long userId, long podId) {
        Pod pod = pods.onSale(podId);
        Recharge recharge = new Recharge();
        recharge.setId(ids.nextId());
        recharge.setUserId(userId);
        recharge.setPodId(pod.getId());
        recharge.setAmountFen(pod.getPriceFen());
        recharge.setCoin(pod.getCoin());
        recharge.setGiftCoin(pod.getGiftCoin());
        recharge.setStatus("UNPAID");
        recharges.insert(recharge);
        return attachOrder(recharge, pod);
    }

    Recharge mine(long userId, long rechargeId) {
        Recharge recharge = recharges.selectById(rechargeId);
        if (recharge == null || recharge.getUserId() != userId) {
            throw ApiException.notFound("RECHARGE_NOT_FOUND", "No recharge " + rechargeId);
        }
        return recharge;
    }

    private Recharge attachOrder(Recharge recharge, Pod pod) {
        OrderView order = orders.createOrder(new CreateOrderCommand(recharge.getUserId(), BizType.COIN_RECHARGE,
                Long.toString(recharge.getId()),
                java.util.List.of(new CreateOrderCommand.Item("POD", pod.getId(), pod.getName(), 1, pod.getPriceFen())),
                null));
        recharges.attachOrder(recharge.getId(), order.orderNo());
        recharge.setOrderNo(order.orderNo());
        return recharge;
    }
}
