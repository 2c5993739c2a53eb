package io.tongbao.common.error;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one problem shape every service and the gateway answer with. */
public final class Problems {

    public static final String CODE = "code";
    public static final String REQUEST_ID = "requestId";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://tongbao.io/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty(CODE, code);
        return problem;
    }
}
