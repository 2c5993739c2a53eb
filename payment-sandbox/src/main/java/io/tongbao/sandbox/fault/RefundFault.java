package io.tongbao.sandbox.fault;

import java.time.Duration;

/**
 * One armed fault for one refund request.
 *
 * @param delay      how long a DELAY holds the answer back; zero for REFUSE
 * @param outTradeNo the only trade whose refunds it hits, or null for any trade
 */
public record RefundFault(Mode mode, Duration delay, String outTradeNo) {

    public enum Mode {
        /** The refund is performed, but its answer comes only after {@link #delay}. */
        DELAY,
        /** The refund is not performed; the channel answers its "balance not enough" refusal. */
        REFUSE
    }

    public RefundFault {
        delay = mode == Mode.DELAY ? delay : Duration.ZERO;
    }

    public boolean refuses() {
        return mode == Mode.REFUSE;
    }

    boolean appliesTo(String tradeNo) {
        return outTradeNo == null || outTradeNo.equals(tradeNo);
    }

    /**
     * Blocks the calling request thread for the delay: the answer is written afterwards, as a slow provider writes
     * it, whether or not the client is still waiting.
     */
    public void holdAnswer() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
