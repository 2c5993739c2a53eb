package io.tongbao.sandbox.alipay.notify;

/** What the notify URL answered; status 0 when it could not be reached at all. */
public record Delivery(int status, String body) {

    /** Alipay stops retrying only on the exact 7-byte body {@code success}. */
    public boolean acknowledged() {
        return status == 200 && "success".equals(body);
    }
}
