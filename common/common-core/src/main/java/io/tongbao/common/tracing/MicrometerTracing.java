package io.tongbao.common.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** {@link Tracing} on Micrometer Tracing (the OpenTelemetry bridge in every Tongbao process). */
public class MicrometerTracing implements Tracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String currentTraceparent() {
        return currentHeaders().get(TRACEPARENT);
    }

    @Override
    public Map<String, String> currentHeaders() {
        Span span = tracer.currentSpan();
        return span == null ? Map.of() : headersOf(span);
    }

    @Override
    public <T> T producer(String parentTraceparent, String destination, Function<Map<String, String>, T> send) {
        Span.Builder builder = TraceParent.isValid(parentTraceparent)
                ? propagator.extract(Map.of(TRACEPARENT, parentTraceparent), Map::get)
                : tracer.spanBuilder().setNoParent();
        Span span = builder.kind(Span.Kind.PRODUCER).name("send " + destination)
                .tag("messaging.system", "rocketmq").tag("messaging.destination.name", destination).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return send.apply(headersOf(span));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    @Override
    public void consumer(UnaryOperator<String> properties, String topic, String group, Runnable work) {
        String parent = properties.apply(TRACEPARENT);
        Span.Builder builder = TraceParent.isValid(parent) ? propagator.extract(properties, (carrier, key) -> carrier.apply(key))
                : tracer.spanBuilder().setNoParent();
        Span span = builder.kind(Span.Kind.CONSUMER).name("receive " + topic)
                .tag("messaging.system", "rocketmq").tag("messaging.destination.name", topic)
                .tag("messaging.consumer.group.name", group).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Map<String, String> headersOf(Span span) {
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers;
    }
}
