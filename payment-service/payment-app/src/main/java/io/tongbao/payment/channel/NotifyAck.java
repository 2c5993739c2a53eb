package io.tongbao.payment.channel;

/** The HTTP answer a provider expects for a notify. */
public record NotifyAck(int status, String contentType, String body) {
}
