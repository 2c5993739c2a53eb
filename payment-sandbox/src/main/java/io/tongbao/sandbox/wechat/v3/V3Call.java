package io.tongbao.sandbox.wechat.v3;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.merchant.Merchant;

/** An authenticated v3 request: the merchant that signed it and the exact body bytes it signed. */
public record V3Call(Merchant merchant, byte[] rawBody) {

    public JsonBody json() {
        return JsonBody.parse(rawBody);
    }

    public String mchId() {
        return merchant.mchId();
    }

    /** The mchid a body or query names must be the one that signed the request. */
    public void requireMchid(String given, String field, String location) {
        if (given == null || given.isBlank()) {
            throw WechatError.paramError(field, null, "缺少必填参数", location);
        }
        if (!given.equals(merchant.mchId())) {
            throw new WechatError(400, "MCH_NOT_EXISTS", "商户号与请求签名的商户号不一致: " + given);
        }
    }

    public void requireAppid(String given) {
        if (given == null || given.isBlank()) {
            throw WechatError.paramError("/appid", null, "缺少必填参数", "body");
        }
        if (!given.equals(merchant.appId())) {
            throw new WechatError(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
    }
}
