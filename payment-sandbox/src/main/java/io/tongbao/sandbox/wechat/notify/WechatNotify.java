package io.tongbao.sandbox.wechat.notify;

/**
 * One notification: the envelope JSON (id, event_type, encrypted resource) and where it goes. Retries send the same
 * body; only the signature headers are made afresh for each delivery.
 */
public record WechatNotify(String id, String url, String mchId, String eventType, String body) {
}
