package io.tongbao.sandbox.wechat.merchant;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The merchants the v3 API accepts, keyed by mchid. In memory: configured ones come back on every start. */
@Component
public class WechatMerchants {

    private final Map<String, Merchant> byMchId = new ConcurrentHashMap<>();
    private final String firstConfigured;

    public WechatMerchants(WechatMerchantProperties properties) {
        properties.merchants().forEach(settings -> register(Merchant.of(settings.mchId(), settings.appId(),
                settings.merchantSerialNo(), settings.merchantPublicKey(), settings.apiV3Key())));
        this.firstConfigured = properties.merchants().isEmpty() ? null : properties.merchants().get(0).mchId().trim();
    }

    /** Registering a mchid again replaces its keys, as uploading a new certificate would. */
    public void register(Merchant merchant) {
        byMchId.put(merchant.mchId(), merchant);
    }

    public Optional<Merchant> find(String mchId) {
        return Optional.ofNullable(mchId == null ? null : byMchId.get(mchId));
    }

    /** The local stack's merchant (the first configured one), else any registered one, for forged notifies. */
    public Optional<Merchant> defaultMerchant() {
        return find(firstConfigured).or(() -> byMchId.keySet().stream().sorted().findFirst().flatMap(this::find));
    }
}
