package io.tongbao.payment.api;

import java.util.List;

/** A payment channel (ALIPAY, WECHAT, WALLET) and the modes it offers. */
public record ChannelView(String channel, List<String> modes, boolean enabled) {
}
