package io.tongbao.payment.channel;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tongbao.common.error.ApiException;

/**
 * Every channel implemented in this process, by name. Only the configured ones are offered to payers; an attempt
 * that already exists is always served by its own channel.
 */
@Component
public class Channels {

    static final String NOT_SUPPORTED = "CHANNEL_NOT_SUPPORTED";
    private static final List<String> ORDER = List.of("ALIPAY", "WECHAT", "WALLET");
    private final Map<String, PaymentChannel> byName = new LinkedHashMap<>();

    public Channels(List<PaymentChannel> channels) {
        channels.stream().sorted(Comparator.comparingInt(Channels::rank))
                .forEach(channel -> byName.put(channel.name(), channel));
    }

    /** The configured channels, in display order. */
    public List<PaymentChannel> offered() {
        return byName.values().stream().filter(PaymentChannel::configured).toList();
    }

    /** The configured channel that offers {@code mode}; 400 CHANNEL_NOT_SUPPORTED otherwise. */
    public PaymentChannel forPayment(String name, String mode) {
        PaymentChannel channel = byName.get(name);
        if (channel == null || !channel.configured() || !channel.modes().contains(mode)) {
            throw ApiException.badRequest(NOT_SUPPORTED, "Channel " + name + " with mode " + mode
                    + " is not offered; offered: " + describe());
        }
        return channel;
    }

    /** The channel of an existing attempt, configured or not (its trades must still be queried and closed). */
    public PaymentChannel of(String name) {
        PaymentChannel channel = byName.get(name);
        if (channel == null) {
            throw new IllegalStateException("No channel " + name + " in this build");
        }
        return channel;
    }

    /** The channel whose notifies arrive at {@code /api/payment/notify/{path}}, if it is implemented here. */
    public Optional<PaymentChannel> byNotifyPath(String path) {
        return Optional.ofNullable(byName.get(path.toUpperCase(java.util.Locale.ROOT)));
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        offered().forEach(c -> s.append(s.isEmpty() ? "" : "; ").append(c.name()).append(' ').append(c.modes()));
        return s.isEmpty() ? "none" : s.toString();
    }

    private static int rank(PaymentChannel channel) {
        int i = ORDER.indexOf(channel.name());
        return i < 0 ? ORDER.size() : i;
    }
}
