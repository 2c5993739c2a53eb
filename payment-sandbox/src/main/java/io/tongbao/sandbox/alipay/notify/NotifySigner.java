package io.tongbao.sandbox.alipay.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tongbao.sandbox.alipay.sign.PlatformKeys;
import io.tongbao.sandbox.alipay.sign.RsaSigner;
import io.tongbao.sandbox.alipay.sign.SignContent;
import io.tongbao.sandbox.alipay.sign.SignType;
import java.security.PrivateKey;
import org.springframework.stereotype.Component;

/** Signs notify and return parameters: everything but sign and sign_type, which is what rsaCheckV1 rebuilds. */
@Component
public class NotifySigner {

    private final PlatformKeys platformKeys;

    public NotifySigner(PlatformKeys platformKeys) {
        this.platformKeys = platformKeys;
    }

    public Map<String, String> sign(Map<String, String> params) {
        String content = SignContent.of(params, SignContent.NOTIFY_EXCLUDED);
        return withSign(params, platformKeys.sign(content, SignType.RSA2));
    }

    /** For forged-notify tests: a signature that no configured platform key will accept. */
    public Map<String, String> signWith(Map<String, String> params, PrivateKey key) {
        String content = SignContent.of(params, SignContent.NOTIFY_EXCLUDED);
        return withSign(params, RsaSigner.sign(content, key, SignType.RSA2));
    }

    private static Map<String, String> withSign(Map<String, String> params, String sign) {
        var signed = new LinkedHashMap<>(params);
        signed.put("sign", sign);
        return signed;
    }
}
