package io.tongbao.common.error;

import org.springframework.http.HttpStatus;

/** Another service answered with a problem response; carries its status and code to the caller. */
public class RemoteProblemException extends ApiException {

    private final String service;

    public RemoteProblemException(String service, HttpStatus status, String code, String detail) {
        super(status, code, detail);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
