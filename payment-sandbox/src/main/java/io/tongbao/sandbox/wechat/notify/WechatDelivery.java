package io.tongbao.sandbox.wechat.notify;

/** What the notify URL answered; status 0 when it could not be reached or did not answer in time. */
public record WechatDelivery(int status, String body) {

    /** WeChat Pay stops retrying on any 2xx (the merchant answers 200 or 204). */
    public boolean acknowledged() {
        return status >= 200 && status < 300;
    }
}
