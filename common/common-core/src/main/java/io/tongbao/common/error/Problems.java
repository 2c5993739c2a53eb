package io.tongbao.common.error;

import java.net.URI;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one problem shape every service and the gateway answer with. */
public final class Problems {

    public static final String CODE = "code";
    public static final String REQUEST_ID = "requestId";
    /** The trace id of the request, so that a client can quote it and ops find every log line and span of it. */
    public static final String TRACE_ID = "traceId";
    /** Where Micrometer Tracing keeps the current trace id in the log context. */
    static final String TRACE_ID_MDC_KEY = "traceId";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://tongbao.io/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty(CODE, code);
        withTraceId(problem);
        return problem;
    }

    /** Adds the current trace id (from the log context), when there is one and the problem has none yet. */
    public static ProblemDetail withTraceId(ProblemDetail problem) {
        String traceId = MDC.get(TRACE_ID_MDC_KEY);
        if (traceId != null && !traceId.isBlank()
                && (problem.getProperties() == null || !problem.getProperties().containsKey(TRACE_ID))) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }
}
