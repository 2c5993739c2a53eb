package io.tongbao.sandbox.wechat.trade;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tongbao.sandbox.wechat.merchant.Merchant;
import io.tongbao.sandbox.wechat.merchant.WechatMerchants;
import io.tongbao.sandbox.wechat.notify.NotifyEnvelopes;
import io.tongbao.sandbox.wechat.notify.WechatNotify;
import io.tongbao.sandbox.wechat.notify.WechatNotifyDispatcher;
import org.springframework.stereotype.Component;

/**
 * Turns payments and refunds into TRANSACTION.SUCCESS and REFUND.SUCCESS notifications and remembers each trade's
 * latest, for the replay hook. WeChat sends nothing when a trade closes, so neither does the sandbox.
 */
@Component
public class WechatTradeNotifications {

    private final NotifyEnvelopes envelopes;
    private final WechatNotifyDispatcher dispatcher;
    private final WechatMerchants merchants;
    private final Map<String, WechatNotify> latest = new ConcurrentHashMap<>();

    public WechatTradeNotifications(NotifyEnvelopes envelopes, WechatNotifyDispatcher dispatcher,
                                    WechatMerchants merchants) {
        this.envelopes = envelopes;
        this.dispatcher = dispatcher;
        this.merchants = merchants;
    }

    /** With {@code send} false the notification is prepared but lost, as a dropped delivery would be. */
    void paid(WechatTrade trade, boolean send) {
        publish(trade, trade.order().notifyUrl(), "TRANSACTION.SUCCESS", TransactionJson.transaction(trade), send);
    }

    void refunded(WechatTrade trade, WechatRefund refund) {
        publish(trade, refund.notifyUrl(), "REFUND.SUCCESS", TransactionJson.refundNotification(trade, refund), true);
    }

    public Optional<WechatNotify> latest(String outTradeNo) {
        return Optional.ofNullable(latest.get(outTradeNo));
    }

    private void publish(WechatTrade trade, String url, String eventType, Map<String, Object> resource,
                         boolean send) {
        Optional<Merchant> merchant = merchants.find(trade.mchId());
        if (url == null || url.isBlank() || merchant.isEmpty()) {
            return;
        }
        WechatNotify notify = envelopes.seal(url, merchant.get(), eventType, resource);
        latest.put(trade.outTradeNo(), notify);
        if (send) {
            dispatcher.dispatch(notify);
        }
    }
}
