package io.tongbao.common.tracing;

import org.springframework.beans.factory.ObjectProvider;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Carries the current trace context to the called service in the W3C headers, so that a Feign call continues the
 * caller's trace (the callee's server observation picks it up).
 */
public class TracingRequestInterceptor implements RequestInterceptor {

    private final ObjectProvider<Tracing> tracing;

    public TracingRequestInterceptor(ObjectProvider<Tracing> tracing) {
        this.tracing = tracing;
    }

    @Override
    public void apply(RequestTemplate template) {
        tracing.getIfAvailable(() -> Tracing.NONE).currentHeaders().forEach((name, value) -> {
            template.removeHeader(name);
            template.header(name, value);
        });
    }
}
