package io.tongbao.sandbox.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Differences between the provider's books and the merchant's, made on purpose for reconciliation tests: a paid
 * trade that the query keeps answering as unpaid (a lost notify the merchant's compensation cannot see), a refund
 * that only the bill shows (made outside the merchant's system), and a trade billed at another amount. Channel
 * packages consult them when they answer a query or write a bill; this one knows no channel's protocol.
 */
@Component
public class BillDifferences {

    private static final Logger log = LoggerFactory.getLogger(BillDifferences.class);

    /** A refund the bill shows for a trade, unknown to the merchant. */
    public record OutsideRefund(String refundNo, long amountFen, Instant refundedAt) {
    }

    private final Map<Channel, Set<String>> unanswered = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<String, Long>> billedFen = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<String, List<OutsideRefund>>> outsideRefunds = new EnumMap<>(Channel.class);

    public BillDifferences() {
        for (Channel channel : Channel.values()) {
            unanswered.put(channel, new HashSet<>());
            billedFen.put(channel, new HashMap<>());
            outsideRefunds.put(channel, new HashMap<>());
        }
    }

    /** From now on the trade's query answers as if it had not been paid (the bill still shows what happened). */
    public synchronized void hideFromQuery(Channel channel, String outTradeNo) {
        unanswered.get(channel).add(outTradeNo);
        log.info("{} trade {}: queries no longer show its payment", channel, outTradeNo);
    }

    public synchronized boolean hiddenFromQuery(Channel channel, String outTradeNo) {
        return unanswered.get(channel).contains(outTradeNo);
    }

    /** The bill shows the trade's payment at {@code fen} instead of its real amount. */
    public synchronized void billAt(Channel channel, String outTradeNo, long fen) {
        billedFen.get(channel).put(outTradeNo, fen);
        log.info("{} trade {}: billed at {} fen", channel, outTradeNo, fen);
    }

    public synchronized Optional<Long> billedFen(Channel channel, String outTradeNo) {
        return Optional.ofNullable(billedFen.get(channel).get(outTradeNo));
    }

    /** The bill shows one more refund of the trade, which the merchant never asked for. */
    public synchronized void refundOutside(Channel channel, String outTradeNo, OutsideRefund refund) {
        outsideRefunds.get(channel).computeIfAbsent(outTradeNo, no -> new ArrayList<>()).add(refund);
        log.info("{} trade {}: outside refund {} of {} fen", channel, outTradeNo, refund.refundNo(), refund.amountFen());
    }

    public synchronized List<OutsideRefund> outsideRefunds(Channel channel, String outTradeNo) {
        return List.copyOf(outsideRefunds.get(channel).getOrDefault(outTradeNo, List.of()));
    }
}
