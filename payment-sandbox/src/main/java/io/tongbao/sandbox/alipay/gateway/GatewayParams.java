package io.tongbao.sandbox.alipay.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The call's parameters: the Java SDK splits them between query string and form body (PROVIDER-ALIPAY 1.1), so both
 * are form-decoded ({@code +} is a space) and merged. The servlet container does exactly that for a form POST.
 */
final class GatewayParams {

    private GatewayParams() {
    }

    static Map<String, String> of(HttpServletRequest request) {
        var params = new LinkedHashMap<String, String>();
        // a key sent twice (query and body) counts once, the query string's value first, as the container lists it
        request.getParameterMap().forEach((key, values) -> {
            if (values.length > 0) {
                params.put(key, values[0]);
            }
        });
        return params;
    }
}
