package io.tongbao.common.tracing;

import org.springframework.util.ClassUtils;

import io.micrometer.observation.Observation;

/** The request path of a server observation, servlet or reactive, without linking to a stack that is absent. */
final class RequestPaths {

    private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
            RequestPaths.class.getClassLoader());
    private static final boolean REACTIVE = ClassUtils.isPresent(
            "org.springframework.http.server.reactive.ServerHttpRequest", RequestPaths.class.getClassLoader());

    private RequestPaths() {
    }

    static String of(Observation.Context context) {
        if (SERVLET && context instanceof org.springframework.http.server.observation.ServerRequestObservationContext s) {
            return s.getCarrier() == null ? null : s.getCarrier().getRequestURI();
        }
        if (REACTIVE && context instanceof org.springframework.http.server.reactive.observation.ServerRequestObservationContext r) {
            return r.getCarrier() == null ? null : r.getCarrier().getPath().value();
        }
        return null;
    }
}
