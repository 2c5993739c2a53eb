package io.tongbao.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** The trace context travels through a message: written, sent in a producer span, continued by the consumer. */
class MicrometerTracingTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    private final Tracer tracer = new OtelTracer(sdk.getTracer("test"), current, event -> {
    }, new OtelBaggageManager(current, List.of(), List.of()));
    private final Tracing tracing = new MicrometerTracing(tracer, new OtelPropagator(sdk.getPropagators(),
            sdk.getTracer("test")));

    @Test
    void withoutASpanThereIsNoContext() {
        assertThat(tracing.currentTraceparent()).isNull();
        assertThat(tracing.currentHeaders()).isEmpty();
    }

    @Test
    void theCurrentSpanIsWrittenAsATraceparent() {
        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            assertThat(tracing.currentTraceparent()).isEqualTo("00-" + span.context().traceId() + "-"
                    + span.context().spanId() + "-01");
        } finally {
            span.end();
        }
    }

    @Test
    void theProducerSpanContinuesTheStoredTraceAndTheConsumerContinuesTheMessage() {
        Map<String, String> sent = tracing.producer(PARENT, "payment-success", headers -> headers);
        assertThat(TraceParent.traceId(sent.get(Tracing.TRACEPARENT))).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(sent.get(Tracing.TRACEPARENT)).as("a span of its own").isNotEqualTo(PARENT);

        AtomicReference<String> seen = new AtomicReference<>();
        tracing.consumer(sent::get, "payment-success", "order-service-payment-success",
                () -> seen.set(tracing.currentTraceparent()));
        assertThat(TraceParent.traceId(seen.get())).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen.get()).isNotEqualTo(sent.get(Tracing.TRACEPARENT));
        assertThat(tracing.currentTraceparent()).as("the scope is closed afterwards").isNull();
    }

    @Test
    void aMissingOrBrokenContextStartsANewTrace() {
        Map<String, String> sent = tracing.producer("not-a-traceparent", "order-events", headers -> headers);
        assertThat(TraceParent.isValid(sent.get(Tracing.TRACEPARENT))).isTrue();

        AtomicReference<String> seen = new AtomicReference<>();
        tracing.consumer(name -> null, "order-events", "coin-service-order-events",
                () -> seen.set(tracing.currentTraceparent()));
        assertThat(TraceParent.isValid(seen.get())).isTrue();
    }

    @Test
    void aFailureInTheConsumerIsRethrownAndTheScopeClosed() {
        assertThatThrownBy(() -> tracing.consumer(Map.of(Tracing.TRACEPARENT, PARENT)::get, "t", "g", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tracing.currentTraceparent()).isNull();
    }

    @Test
    void withoutATracerNothingIsAddedButAStoredContextIsPassedOn() {
        Map<String, String> none = Tracing.NONE.producer(null, "t", headers -> headers);
        Map<String, String> stored = Tracing.NONE.producer(PARENT, "t", headers -> headers);
        assertThat(none).isEmpty();
        assertThat(stored).containsEntry(Tracing.TRACEPARENT, PARENT);
    }
}
