package io.tongbao.gateway.web;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * The trace id of a request at the gateway: the one of the server observation that WebFlux opened for the
 * exchange (which continues a client's {@code traceparent}), read from the exchange, not from a thread local.
 */
public final class TraceIds {

    /** The response header that tells every client the trace id of its request. */
    public static final String HEADER = "X-Trace-Id";

    private TraceIds() {
    }

    /** The trace id, or null when the request is not traced. */
    public static String of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .map(context -> context.traceId())
                .filter(id -> !id.isBlank())
                .orElse(null);
    }
}
