package io.tongbao.sandbox.fault;

import java.util.Locale;
import java.util.Optional;

/** A provider the sandbox imitates; each has its own armed faults. */
public enum Channel {
    ALIPAY, WECHAT;

    /** From the path segment of a hook, e.g. {@code alipay}. */
    static Optional<Channel> of(String segment) {
        for (Channel channel : values()) {
            if (channel.name().equals(segment.toUpperCase(Locale.ROOT))) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
