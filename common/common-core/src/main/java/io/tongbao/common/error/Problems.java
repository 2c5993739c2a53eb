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
    /**
     * Seconds a client waits before retrying a SERVICE_UNAVAILABLE answer ({@code Retry-After}): about as long as a
     * restarted instance takes to accept connections again, or discovery to drop a dead one.
     */
    public static final long RETRY_AFTER_SECONDS = 5;
    /** The detail of a SERVICE_UNAVAILABLE answer; it names no service, host or port. */
    public static final String SERVICE_UNAVAILABLE_DETAIL =
            "The service is temporarily unavailable. Retry in a few seconds.";
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

    /** Whether an answer with this code tells the client to come back later, with {@code Retry-After}. */
    public static boolean retryLater(String code) {
        return ErrorCodes.SERVICE_UNAVAILABLE.equals(code);
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
