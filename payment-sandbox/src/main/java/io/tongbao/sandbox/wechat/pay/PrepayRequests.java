package io.tongbao.sandbox.wechat.pay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.trade.TradeOrder;
import io.tongbao.sandbox.wechat.trade.TradeType;
import io.tongbao.sandbox.wechat.v3.JsonBody;
import io.tongbao.sandbox.wechat.v3.V3Call;

/**
 * Reads a prepay body with WeChat's rules (PROVIDER-WECHATPAY-V3 3). The SDK models enforce no required field, so
 * the sandbox must: a client that forgets payer.openid or scene_info learns it here, not in production.
 */
final class PrepayRequests {

    private static final String OUT_TRADE_NO = "[0-9A-Za-z_\\-|*]{6,32}";
    private static final Set<String> H5_TYPES = Set.of("Wap", "iOS", "Android");

    private PrepayRequests() {
    }

    static TradeOrder parse(V3Call call, TradeType type) {
        JsonBody json = call.json();
        String appId = json.requiredText("/appid", 32);
        String mchId = json.requiredText("/mchid", 32);
        String description = json.requiredText("/description", 127);
        String outTradeNo = json.requiredMatching("/out_trade_no", OUT_TRADE_NO, "应为6-32位数字、大小写字母或_-|*");
        String notifyUrl = json.notifyUrl("/notify_url", true).orElseThrow();
        long total = json.requiredPositive("/amount/total");
        String currency = json.text("/amount/currency").orElse("CNY");
        if (!"CNY".equals(currency)) {
            throw WechatError.paramError("/amount/currency", currency, "只支持CNY", "body");
        }
        String attach = json.text("/attach").orElse(null);
        if (attach != null && attach.length() > 128) {
            throw WechatError.paramError("/attach", attach, "长度不能超过128", "body");
        }
        String openid = type == TradeType.JSAPI ? json.requiredText("/payer/openid", 128) : null;
        String clientIp = type == TradeType.MWEB ? h5ClientIp(json)
                : json.text("/scene_info/payer_client_ip").orElse(null);
        Instant timeExpire = json.text("/time_expire").map(PrepayRequests::rfc3339).orElse(null);
        call.requireMchid(mchId, "/mchid", "body");
        call.requireAppid(appId);
        return new TradeOrder(mchId, appId, outTradeNo, type, description, total, currency, notifyUrl, attach, openid,
                clientIp, timeExpire);
    }

    private static String h5ClientIp(JsonBody json) {
        String ip = json.requiredText("/scene_info/payer_client_ip", 45);
        String h5Type = json.requiredText("/scene_info/h5_info/type", 32);
        if (!H5_TYPES.contains(h5Type)) {
            throw WechatError.paramError("/scene_info/h5_info/type", h5Type, "应为Wap、iOS或Android", "body");
        }
        return ip;
    }

    private static Instant rfc3339(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw WechatError.paramError("/time_expire", text, "应为RFC3339格式，如2018-06-08T10:34:56+08:00", "body");
        }
    }
}
