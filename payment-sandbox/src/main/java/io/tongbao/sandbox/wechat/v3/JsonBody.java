package io.tongbao.sandbox.wechat.v3;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.tongbao.sandbox.wechat.WechatError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body read as plain maps, with field access by JSON pointer ({@code /amount/total}). A missing or
 * mistyped field becomes PARAM_ERROR with a {@code detail} naming it, as WeChat answers.
 */
public final class JsonBody {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Map<?, ?> root;

    private JsonBody(Map<?, ?> root) {
        this.root = root;
    }

    public static JsonBody parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw WechatError.paramError("/", null, "请求体为空", "body");
        }
        try {
            return new JsonBody(MAPPER.readValue(raw, Map.class));
        } catch (JacksonException e) {
            throw new WechatError(400, "PARAM_ERROR", "请求体不是合法的JSON对象");
        }
    }

    public Optional<Object> value(String pointer) {
        Object current = root;
        for (String name : pointer.substring(1).split("/")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(name);
        }
        return Optional.ofNullable(current);
    }

    public boolean has(String pointer) {
        return value(pointer).isPresent();
    }

    public Optional<String> text(String pointer) {
        return value(pointer).map(value -> {
            if (!(value instanceof String text)) {
                throw WechatError.paramError(pointer, value, "应为字符串", "body");
            }
            return text;
        });
    }

    public String requiredText(String pointer, int maxLength) {
        String text = text(pointer).filter(value -> !value.isBlank())
                .orElseThrow(() -> WechatError.paramError(pointer, null, "缺少必填参数", "body"));
        if (text.length() > maxLength) {
            throw WechatError.paramError(pointer, text, "长度不能超过" + maxLength, "body");
        }
        return text;
    }

    public Optional<Long> integer(String pointer) {
        return value(pointer).map(value -> {
            if (!(value instanceof Integer || value instanceof Long)) {
                throw WechatError.paramError(pointer, value, "应为整数", "body");
            }
            return ((Number) value).longValue();
        });
    }

    /** Amounts are integer fen and must be positive. */
    public long requiredPositive(String pointer) {
        long value = integer(pointer).orElseThrow(() -> WechatError.paramError(pointer, null, "缺少必填参数", "body"));
        if (value <= 0) {
            throw WechatError.paramError(pointer, value, "应大于0", "body");
        }
        return value;
    }

    /** Rejects a text that does not match a format, such as out_trade_no's character set. */
    public String requiredMatching(String pointer, String regex, String issue) {
        String text = requiredText(pointer, Integer.MAX_VALUE);
        if (!text.matches(regex)) {
            throw WechatError.paramError(pointer, text, issue, "body");
        }
        return text;
    }

    /**
     * notify_url: an absolute URL without a query string, as WeChat demands. Plain http is accepted too (WeChat
     * wants https), because the local stack's services listen on plain http.
     */
    public Optional<String> notifyUrl(String pointer, boolean required) {
        Optional<String> url = required ? Optional.of(requiredText(pointer, 256))
                : text(pointer).filter(value -> !value.isBlank());
        url.ifPresent(value -> {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw WechatError.paramError(pointer, value, "不是合法的URL", "body");
            }
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw WechatError.paramError(pointer, value, "应为http(s)绝对地址", "body");
            }
            if (uri.getRawQuery() != null) {
                throw WechatError.paramError(pointer, value, "不能携带参数", "body");
            }
        });
        return url;
    }
}
