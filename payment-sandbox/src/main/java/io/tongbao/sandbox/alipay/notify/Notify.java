package io.tongbao.sandbox.alipay.notify;

import java.util.Map;

/** One async notification: the unsigned parameters (with sign_type) and where they go. Retries reuse it as is. */
public record Notify(String url, Map<String, String> params) {

    public Notify {
        params = Map.copyOf(params);
    }

    public String notifyId() {
        return params.get("notify_id");
    }
}
