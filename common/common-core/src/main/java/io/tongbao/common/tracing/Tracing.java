package io.tongbao.common.tracing;

import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What Tongbao's own code needs from tracing: the current context as W3C headers (for the outbox and Feign), a
 * producer span around a send, and a consumer span around the handling of a received message. {@link #NONE} when
 * the application has no tracer.
 */
public interface Tracing {

    /** The W3C trace context header. */
    String TRACEPARENT = "traceparent";

    /** The current span's {@code traceparent}, or null when there is none. */
    String currentTraceparent();

    /** The current span's propagation headers (traceparent, and tracestate when there is one); empty when none. */
    Map<String, String> currentHeaders();

    /**
     * Runs {@code send} in a producer span that continues {@code parentTraceparent} (a new trace when it is null or
     * malformed). {@code send} gets the headers to put on the outgoing message.
     */
    <T> T producer(String parentTraceparent, String destination, Function<Map<String, String>, T> send);

    /**
     * Runs {@code work} in a consumer span that continues the context found in the message's properties (a new trace
     * when there is none), so that everything logged meanwhile carries the trace id.
     */
    void consumer(UnaryOperator<String> properties, String topic, String group, Runnable work);

    Tracing NONE = new Tracing() {
        @Override
        public String currentTraceparent() {
            return null;
        }

        @Override
        public Map<String, String> currentHeaders() {
            return Map.of();
        }

        @Override
        public <T> T producer(String parentTraceparent, String destination, Function<Map<String, String>, T> send) {
            return send.apply(parentTraceparent == null ? Map.of() : Map.of(TRACEPARENT, parentTraceparent));
        }

        @Override
        public void consumer(UnaryOperator<String> properties, String topic, String group, Runnable work) {
            work.run();
        }
    };
}
