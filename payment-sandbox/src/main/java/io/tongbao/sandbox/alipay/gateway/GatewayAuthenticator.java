package io.tongbao.sandbox.alipay.gateway;

import java.security.PublicKey;
import java.util.Map;

import io.tongbao.sandbox.alipay.app.AppRegistry;
import io.tongbao.sandbox.alipay.sign.RsaSigner;
import io.tongbao.sandbox.alipay.sign.SignContent;
import io.tongbao.sandbox.alipay.sign.SignType;
import org.springframework.stereotype.Component;

/** Checks the common parameters and the request signature (PROVIDER-ALIPAY 1.2, 1.3) before any method runs. */
@Component
class GatewayAuthenticator {

    private final AppRegistry apps;

    GatewayAuthenticator(AppRegistry apps) {
        this.apps = apps;
    }

    ApiCall authenticate(Map<String, String> params, String baseUrl) {
        String method = require(params, "method", "isv.missing-method");
        String appId = require(params, "app_id", "isv.missing-app-id");
        String sign = require(params, "sign", "isv.missing-signature");
        SignType signType = SignType.of(require(params, "sign_type", "isv.missing-signature-type"))
                .orElseThrow(() -> GatewayError.invalid("isv.invalid-signature-type", "无效的签名类型"));
        // the timestamp is not checked against the clock: Node signs in local time, Java in GMT+8 (1.2)
        require(params, "timestamp", "isv.missing-timestamp");
        require(params, "version", "isv.missing-version");
        String charset = params.get("charset");
        if (charset != null && !charset.isBlank() && !"utf-8".equalsIgnoreCase(charset.trim())) {
            throw GatewayError.invalid("isv.invalid-charset", "沙箱只支持 utf-8 字符集");
        }
        PublicKey appKey = apps.publicKey(appId)
                .orElseThrow(() -> GatewayError.invalid("isv.invalid-app-id", "无效的AppID参数"));
        String content = SignContent.of(params, SignContent.REQUEST_EXCLUDED);
        if (!RsaSigner.verify(content, sign, appKey, signType)) {
            throw GatewayError.invalid("isv.invalid-signature",
                    "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：" + content);
        }
        return new ApiCall(appId, method, signType, params, BizContent.parse(params.get("biz_content")), baseUrl);
    }

    private static String require(Map<String, String> params, String name, String subCode) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw GatewayError.missing(subCode, "缺少" + name + "参数");
        }
        return value;
    }
}
