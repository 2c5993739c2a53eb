package io.tongbao.sandbox.wechat.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tongbao.sandbox.wechat.WechatIds;
import io.tongbao.sandbox.wechat.merchant.Merchant;
import io.tongbao.sandbox.wechat.sign.AesGcm;
import io.tongbao.sandbox.wechat.sign.Nonces;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Seals a resource into a notification envelope (PROVIDER-WECHATPAY-V3 4): AES-256-GCM with the APIv3 key. */
@Component
public class NotifyEnvelopes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Clock clock;

    public NotifyEnvelopes(Clock clock) {
        this.clock = clock;
    }

    public WechatNotify seal(String url, Merchant merchant, String eventType, Map<String, ?> resource) {
        String originalType = originalType(eventType);
        String nonce = Nonces.alphanumeric(12);
        byte[] plaintext = MAPPER.writeValueAsBytes(resource);
        var sealed = new LinkedHashMap<String, Object>();
        sealed.put("original_type", originalType);
        sealed.put("algorithm", AesGcm.ALGORITHM_NAME);
        sealed.put("ciphertext", AesGcm.encrypt(merchant.apiV3Key(), nonce, originalType, plaintext));
        // always present: the SDK's parser fails with a NullPointerException when the key is missing
        sealed.put("associated_data", originalType);
        sealed.put("nonce", nonce);
        String id = UUID.randomUUID().toString();
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("id", id);
        envelope.put("create_time", WechatIds.rfc3339(clock.instant()));
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", summary(eventType));
        envelope.put("resource", sealed);
        return new WechatNotify(id, url, merchant.mchId(), eventType,
                new String(MAPPER.writeValueAsBytes(envelope), StandardCharsets.UTF_8));
    }

    public static boolean isRefundEvent(String eventType) {
        return eventType.startsWith("REFUND.");
    }

    private static String originalType(String eventType) {
        return isRefundEvent(eventType) ? "refund" : "transaction";
    }

    private static String summary(String eventType) {
        return switch (eventType) {
            case "TRANSACTION.SUCCESS" -> "支付成功";
            case "REFUND.SUCCESS" -> "退款成功";
            case "REFUND.ABNORMAL" -> "退款异常";
            case "REFUND.CLOSED" -> "退款关闭";
            default -> "沙箱通知";
        };
    }
}
