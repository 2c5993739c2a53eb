package io.tongbao.payment.channel;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.payment.api.ChannelInternalApi;
import io.tongbao.payment.api.ChannelView;

/** The channels a client may pay with (configured and implemented): public GET /api/payment/channels, and internally. */
@RestController
class ChannelController implements ChannelInternalApi {

    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/payment/channels")
    List<ChannelView> publicChannels() {
        return channels();
    }

    @Override
    public List<ChannelView> channels() {
        return channels.offered().stream().map(c -> new ChannelView(c.name(), c.modes(), true)).toList();
    }
}
