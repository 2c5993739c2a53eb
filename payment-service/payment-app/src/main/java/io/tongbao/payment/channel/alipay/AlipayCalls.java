package io.tongbao.payment.channel.alipay;

import org.springframework.http.HttpStatus;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayResponse;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/** How a call to Alipay fails, in our problem codes: no answer 502 UPSTREAM_UNAVAILABLE, a refusal 502 PROVIDER_REFUSED. */
final class AlipayCalls {

    static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

    private AlipayCalls() {
    }

    interface Call<T> {
        T run(AlipayClient client) throws AlipayApiException;
    }

    interface Thunk<T> {
        T run() throws AlipayApiException;
    }

    static <T> T execute(Thunk<T> call) {
        try {
            return call.run();
        } catch (AlipayApiException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_UNAVAILABLE,
                    "Alipay did not answer: " + e.getErrCode());
        }
    }

    static <T extends AlipayResponse> T require(T response, String what) {
        if (!response.isSuccess()) {
            throw refused(what, response.getSubCode());
        }
        return response;
    }

    static ApiException refused(String what, String subCode) {
        return new ApiException(HttpStatus.BAD_GATEWAY, "PROVIDER_REFUSED", "Alipay refused " + what + ": " + subCode);
    }

    static ApiException notConfigured() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CHANNEL_NOT_CONFIGURED", "Alipay is not configured");
    }
}
