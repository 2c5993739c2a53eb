package io.tongbao.sandbox.wechat.v3;

import io.tongbao.sandbox.wechat.WechatError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the /v3 endpoints in WeChat's shape; the SDK parses code and message from any non-2xx body. */
@RestControllerAdvice(annotations = V3Api.class)
class V3ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(V3ErrorAdvice.class);

    @ExceptionHandler(WechatError.class)
    ResponseEntity<byte[]> refused(WechatError error) {
        return V3Responses.error(error);
    }

    // WeChat's own 500 answer; without it Spring would send a body the SDK cannot parse as a v3 error
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<byte[]> failed(RuntimeException e) {
        log.error("v3 request failed", e);
        return V3Responses.error(new WechatError(500, "SYSTEM_ERROR", "系统错误"));
    }
}
