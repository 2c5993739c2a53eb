package io.tongbao.sandbox.wechat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in WeChat Pay v3 terms: the HTTP status, the stable {@code code} and a message, plus the optional
 * {@code detail} object that PARAM_ERROR carries. The v3 endpoints answer it as {@code {"code","message"}} JSON.
 */
public class WechatError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> detail;

    public WechatError(int status, String code, String message, Map<String, Object> detail) {
        super(message);
        this.status = status;
        this.code = code;
        // keeps field, value, issue, location in WeChat's order
        this.detail = detail == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public WechatError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> detail() {
        return detail;
    }

    /** A missing or malformed field; {@code field} is a JSON pointer such as {@code /amount/total}. */
    public static WechatError paramError(String field, Object value, String issue, String location) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("field", field);
        if (value != null) {
            detail.put("value", value);
        }
        detail.put("issue", issue);
        detail.put("location", location);
        return new WechatError(400, "PARAM_ERROR", "参数错误: " + field + " " + issue, detail);
    }

    public static WechatError signError(String message) {
        return new WechatError(401, "SIGN_ERROR", message);
    }

    public static WechatError invalidRequest(String message) {
        return new WechatError(400, "INVALID_REQUEST", message);
    }

    public static WechatError orderNotExist() {
        return new WechatError(404, "ORDER_NOT_EXIST", "订单不存在");
    }
}
