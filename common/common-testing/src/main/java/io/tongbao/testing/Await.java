package io.tongbao.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until something asynchronous (a consumer, a timer, the relay) has happened, or fails the test. */
public final class Await {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /** Waits up to 40 s for the condition, checking it every 100 ms; fails the test if it never holds. */
    public static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in " + TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
