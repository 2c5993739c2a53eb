package io.tongbao.sandbox.fault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Armed refund faults per channel, in memory, in the order they were armed. Each refund request takes at most one:
 * the first armed fault that applies to its trade. All methods lock the one monitor, so two concurrent requests
 * never take the same fault.
 */
@Component
public class RefundFaults {

    private static final Logger log = LoggerFactory.getLogger(RefundFaults.class);

    private final Map<Channel, List<RefundFault>> armed = new EnumMap<>(Channel.class);

    public RefundFaults() {
        for (Channel channel : Channel.values()) {
            armed.put(channel, new ArrayList<>());
        }
    }

    /** Arms {@code fault} for the next {@code times} matching refund requests, after those already armed. */
    public synchronized int arm(Channel channel, RefundFault fault, int times) {
        armed.get(channel).addAll(Collections.nCopies(times, fault));
        log.info("armed {} {} refund fault(s): {}", times, channel, fault);
        return times;
    }

    public synchronized int disarm(Channel channel) {
        List<RefundFault> faults = armed.get(channel);
        int count = faults.size();
        faults.clear();
        return count;
    }

    /** Consumes the fault for one refund request on {@code outTradeNo}, if one is armed for it. */
    public synchronized Optional<RefundFault> take(Channel channel, String outTradeNo) {
        for (Iterator<RefundFault> it = armed.get(channel).iterator(); it.hasNext(); ) {
            RefundFault fault = it.next();
            if (fault.appliesTo(outTradeNo)) {
                it.remove();
                log.info("{} refund of trade {} hit fault {}", channel, outTradeNo, fault);
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
