package io.tongbao.payment.channel.wechat;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/**
 * How a call to WeChat Pay fails. An error answer (4xx/5xx with WeChat's code) is {@link Refused}, for the caller to
 * decide on; no answer, an unverifiable answer or a malformed one is 502 UPSTREAM_UNAVAILABLE.
 */
final class WechatCalls {

    private WechatCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceException e) {
            throw new Refused(e.getHttpStatusCode(), e.getErrorCode());
        } catch (WechatPayException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_UNAVAILABLE,
                    "WeChat Pay did not answer usably (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** WeChat Pay answered with an error: its HTTP status and code. */
    static final class Refused extends RuntimeException {

        private final int status;
        private final String code;

        Refused(int status, String code) {
            super("WeChat Pay answered " + status + " " + code, null, false, false);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }

        ApiException problem(String what) {
            return new ApiException(HttpStatus.BAD_GATEWAY, "PROVIDER_REFUSED",
                    "WeChat Pay refused " + what + ": " + status + " " + code);
        }
    }
}
