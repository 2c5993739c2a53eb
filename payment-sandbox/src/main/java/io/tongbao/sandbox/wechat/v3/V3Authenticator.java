package io.tongbao.sandbox.wechat.v3;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.merchant.Merchant;
import io.tongbao.sandbox.wechat.merchant.WechatMerchants;
import io.tongbao.sandbox.wechat.sign.AuthorizationHeader;
import io.tongbao.sandbox.wechat.sign.V3Signatures;
import org.springframework.stereotype.Component;

/**
 * Checks a v3 request the way WeChat Pay does (PROVIDER-WECHATPAY-V3 1): the Authorization header, the merchant and
 * its certificate serial, a timestamp within five minutes, and SHA256withRSA over the request as it arrived.
 */
@Component
public class V3Authenticator {

    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final WechatMerchants merchants;
    private final Clock clock;

    V3Authenticator(WechatMerchants merchants, Clock clock) {
        this.merchants = merchants;
        this.clock = clock;
    }

    public V3Call authenticate(HttpServletRequest request, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        AuthorizationHeader auth = AuthorizationHeader.parse(request.getHeader("Authorization"))
                .orElseThrow(() -> WechatError.signError("Authorization头缺失或格式错误，应为 "
                        + AuthorizationHeader.SCHEMA + " mchid=\"…\",nonce_str=\"…\",timestamp=\"…\",serial_no=\"…\",signature=\"…\""));
        Merchant merchant = merchants.find(auth.mchId())
                .orElseThrow(() -> new WechatError(400, "MCH_NOT_EXISTS", "商户号不存在: " + auth.mchId()));
        if (!merchant.merchantSerialNo().equalsIgnoreCase(auth.serialNo())) {
            throw WechatError.signError("商户证书序列号有误。请使用签名私钥匹配的证书序列号");
        }
        checkFresh(auth.timestamp());
        byte[] message = V3Signatures.requestMessage(request.getMethod(), canonicalUrl(request), auth.timestamp(),
                auth.nonce(), raw);
        if (!V3Signatures.verify(message, auth.signature(), merchant.merchantPublicKey())) {
            throw WechatError.signError("签名错误，请检查后再试");
        }
        return new V3Call(merchant, raw);
    }

    // the raw target exactly as sent: re-encoding would break what the SDK signed (%2F, '+' and query order)
    static String canonicalUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw WechatError.signError("timestamp应为Unix时间戳(秒)");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > MAX_SKEW.toSeconds()) {
            throw WechatError.signError("请求的时间戳与系统时间相差超过5分钟");
        }
    }
}
