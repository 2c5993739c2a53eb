package io.tongbao.payment.channel;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.payment.api.ChannelView;
import io.tongbao.payment.api.ChannelInternalApi;

/** The channels a client may pay with: public GET /api/payment/channels, and the same list internally. */
@RestController
class ChannelController implements ChannelInternalApi {

    private final PayChannelMapper channels;

    ChannelController(PayChannelMapper channels) {
        this.channels = channels;
    }

    @GetMapping("/api/payment/channels")
    List<ChannelView> publicChannels() {
        return channels();
    }

    @Override
    public List<ChannelView> channels() {
        return channels.selectList(new LambdaQueryWrapper<PayChannel>().orderByAsc(PayChannel::getSortOrder)).stream()
                .map(c -> new ChannelView(c.getChannel(), Arrays.asList(c.getModes().split(",")), c.getEnabled()))
                .toList();
    }
}
