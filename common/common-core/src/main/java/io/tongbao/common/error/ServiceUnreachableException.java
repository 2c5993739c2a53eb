package io.tongbao.common.error;

import org.springframework.http.HttpStatus;

/**
 * Another service could not be reached at all: the connection was refused or timed out, or its host is unknown.
 * The request never got to it, so nothing happened there. Answered 503 SERVICE_UNAVAILABLE with Retry-After.
 */
public class ServiceUnreachableException extends ApiException {

    private final String service;

    public ServiceUnreachableException(String service, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE_DETAIL);
        this.service = service;
        initCause(cause);
    }

    public String service() {
        return service;
    }
}
