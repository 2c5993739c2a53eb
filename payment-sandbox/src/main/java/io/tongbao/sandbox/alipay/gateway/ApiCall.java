package io.tongbao.sandbox.alipay.gateway;

import java.util.Map;

import io.tongbao.sandbox.alipay.sign.SignType;

/** A call whose signature checked out. {@code baseUrl} is how the caller reaches the sandbox, for URLs we hand out. */
record ApiCall(String appId, String method, SignType signType, Map<String, String> params, BizContent biz,
               String baseUrl) {

    String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
