package io.tongbao.sandbox.wechat.trade;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * WeChat trades in memory, keyed by out_trade_no (unique across the sandbox's merchants). Transitions run inside
 * {@link ConcurrentHashMap#compute}, so two concurrent calls on one trade see each other.
 */
@Component
public class WechatTradeStore {

    private final Map<String, WechatTrade> byOutTradeNo = new ConcurrentHashMap<>();
    private final Map<String, String> outTradeNoByTransactionId = new ConcurrentHashMap<>();
    private final Map<String, String> outTradeNoByOutRefundNo = new ConcurrentHashMap<>();

    public Optional<WechatTrade> find(String outTradeNo) {
        return outTradeNo == null ? Optional.empty() : Optional.ofNullable(byOutTradeNo.get(outTradeNo));
    }

    public Optional<WechatTrade> findByTransactionId(String transactionId) {
        return transactionId == null ? Optional.empty() : find(outTradeNoByTransactionId.get(transactionId));
    }

    public Optional<WechatTrade> findByOutRefundNo(String outRefundNo) {
        return outRefundNo == null ? Optional.empty() : find(outTradeNoByOutRefundNo.get(outRefundNo));
    }

    /**
     * Applies {@code change} atomically. The function sees {@code null} for an unknown trade and may throw, which
     * leaves the trade untouched.
     */
    public WechatTrade update(String outTradeNo, UnaryOperator<WechatTrade> change) {
        WechatTrade result = byOutTradeNo.compute(outTradeNo, (key, current) -> change.apply(current));
        outTradeNoByTransactionId.putIfAbsent(result.transactionId(), result.outTradeNo());
        result.refunds().forEach(refund -> outTradeNoByOutRefundNo.putIfAbsent(refund.outRefundNo(), outTradeNo));
        return result;
    }

    public Collection<WechatTrade> all() {
        return List.copyOf(byOutTradeNo.values());
    }
}
