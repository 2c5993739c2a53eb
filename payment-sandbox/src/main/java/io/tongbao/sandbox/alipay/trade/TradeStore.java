package io.tongbao.sandbox.alipay.trade;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * Trades in memory, keyed by out_trade_no. A stand-in for a provider, not a system of record: a restart forgets them.
 * Transitions run inside {@link ConcurrentHashMap#compute}, so two concurrent calls on one trade see each other.
 */
@Component
public class TradeStore {

    private final Map<String, Trade> byOutTradeNo = new ConcurrentHashMap<>();
    private final Map<String, String> outTradeNoByTradeNo = new ConcurrentHashMap<>();

    public Optional<Trade> find(String outTradeNo) {
        return outTradeNo == null ? Optional.empty() : Optional.ofNullable(byOutTradeNo.get(outTradeNo));
    }

    public Optional<Trade> findByTradeNo(String tradeNo) {
        return tradeNo == null ? Optional.empty() : find(outTradeNoByTradeNo.get(tradeNo));
    }

    /**
     * Applies {@code change} atomically. The function sees {@code null} for an unknown trade and may throw
     * {@link TradeRejected}, which leaves the trade untouched.
     */
    public Trade update(String outTradeNo, UnaryOperator<Trade> change) {
        Trade result = byOutTradeNo.compute(outTradeNo, (key, current) -> change.apply(current));
        outTradeNoByTradeNo.putIfAbsent(result.tradeNo(), result.outTradeNo());
        return result;
    }

    public Collection<Trade> all() {
        return List.copyOf(byOutTradeNo.values());
    }
}
