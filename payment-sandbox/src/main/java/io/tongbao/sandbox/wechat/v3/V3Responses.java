package io.tongbao.sandbox.wechat.v3;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.sign.WechatPlatformKeys;
import io.tongbao.sandbox.wechat.sign.WechatpayHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes v3 answers. A 2xx is serialised once and signed over exactly the bytes that go out, with the merchant's
 * active platform key; the body is a byte[] so nothing re-serialises it after signing. Errors are plain JSON.
 */
@Component
public class V3Responses {

    public static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");
    // a private mapper, so that application-wide Jackson settings can never change signed bytes
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final WechatPlatformKeys platformKeys;
    private final Clock clock;

    V3Responses(WechatPlatformKeys platformKeys, Clock clock) {
        this.platformKeys = platformKeys;
        this.clock = clock;
    }

    public ResponseEntity<byte[]> ok(String mchId, Map<String, ?> json) {
        byte[] body = MAPPER.writeValueAsBytes(json);
        return signed(HttpStatus.OK, mchId, body).contentType(JSON).body(body);
    }

    /** 204 without a body, still signed: the SDK verifies every 2xx, and an unsigned one fails there. */
    public ResponseEntity<byte[]> noContent(String mchId) {
        return signed(HttpStatus.NO_CONTENT, mchId, new byte[0]).build();
    }

    public static ResponseEntity<byte[]> error(WechatError error) {
        var json = new LinkedHashMap<String, Object>();
        json.put("code", error.code());
        json.put("message", error.getMessage());
        if (error.detail() != null) {
            json.put("detail", error.detail());
        }
        return ResponseEntity.status(error.status()).contentType(JSON)
                .header(WechatpayHeaders.REQUEST_ID, UUID.randomUUID().toString())
                .body(MAPPER.writeValueAsBytes(json));
    }

    private ResponseEntity.BodyBuilder signed(HttpStatus status, String mchId, byte[] body) {
        var builder = ResponseEntity.status(status);
        WechatpayHeaders.sign(platformKeys.active(mchId), clock.instant().getEpochSecond(), body)
                .forEach((name, value) -> builder.header(name, value));
        return builder;
    }
}
