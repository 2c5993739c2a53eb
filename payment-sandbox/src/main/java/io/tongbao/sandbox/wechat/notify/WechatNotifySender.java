package io.tongbao.sandbox.wechat.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.tongbao.sandbox.wechat.sign.WechatPlatformKeys;
import io.tongbao.sandbox.wechat.sign.WechatpayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a notification once. Signed at send time with the merchant's active platform key and the current
 * timestamp, as WeChat re-signs each retry, so a merchant checking freshness accepts late retries too.
 */
@Component
public class WechatNotifySender {

    private static final Logger log = LoggerFactory.getLogger(WechatNotifySender.class);

    private final HttpClient http;
    private final WechatNotifyProperties properties;
    private final WechatPlatformKeys platformKeys;
    private final Clock clock;

    public WechatNotifySender(WechatNotifyProperties properties, WechatPlatformKeys platformKeys, Clock clock) {
        this.properties = properties;
        this.platformKeys = platformKeys;
        this.clock = clock;
        // HTTP/1.1: the signature headers must keep their exact spelling, which HTTP/2 would lower-case
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(properties.timeout()).build();
    }

    public WechatDelivery deliver(WechatNotify notify) {
        byte[] body = notify.body().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(notify.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Mozilla/4.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WechatpayHeaders.sign(platformKeys.active(notify.mchId()), clock.instant().getEpochSecond(), body)
                .forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new WechatDelivery(response.statusCode(), response.body());
        } catch (IOException | IllegalArgumentException e) {
            log.info("notify {} to {} failed: {}", notify.id(), notify.url(), e.toString());
            return new WechatDelivery(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WechatDelivery(0, "interrupted");
        }
    }
}
