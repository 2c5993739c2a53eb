package io.tongbao.sandbox.wechat.sign;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tongbao.sandbox.config.SandboxProperties;
import io.tongbao.sandbox.crypto.KeyFiles;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The "WeChat Pay public keys" the sandbox signs responses and notifies with. The default pair and its id live in the
 * key dir (generated on first start, never shipped) so that clients configured once keep working after a restart;
 * keys made for rotation rehearsals live in memory. Each merchant signs with its active key, the default until
 * another one is activated for it.
 */
@Component
public class WechatPlatformKeys {

    private static final Logger log = LoggerFactory.getLogger(WechatPlatformKeys.class);
    static final String PRIVATE_FILE = "wechat-platform-private-key.pk8.b64";
    static final String PUBLIC_FILE = "wechat-platform-public-key.x509.b64";
    static final String ID_FILE = "wechat-platform-key-id";

    private final PlatformKey defaultKey;
    private final Map<String, PlatformKey> byId = new ConcurrentHashMap<>();
    private final Map<String, String> activeIdByMchId = new ConcurrentHashMap<>();

    public WechatPlatformKeys(SandboxProperties properties) {
        this.defaultKey = loadOrGenerate(properties.keyDir());
        byId.put(defaultKey.id(), defaultKey);
    }

    public PlatformKey defaultKey() {
        return defaultKey;
    }

    public PlatformKey active(String mchId) {
        return byId.get(activeIdByMchId.getOrDefault(mchId, defaultKey.id()));
    }

    public Optional<PlatformKey> find(String publicKeyId) {
        return Optional.ofNullable(publicKeyId == null ? null : byId.get(publicKeyId));
    }

    /** A new pair and id for one merchant; it signs nothing until it is activated. */
    public PlatformKey create(String mchId) {
        var key = new PlatformKey(newKeyId(), RsaKeys.generate(), mchId);
        byId.put(key.id(), key);
        return key;
    }

    /** From now on the merchant's responses and notifies are signed with this key. */
    public void activate(PlatformKey key, String mchId) {
        if (!key.usableBy(mchId)) {
            throw new IllegalArgumentException(key.id() + " belongs to another merchant");
        }
        activeIdByMchId.put(mchId, key.id());
    }

    // shaped like WeChat's ids, e.g. PUB_KEY_ID_0112345678901234567890
    static String newKeyId() {
        return "PUB_KEY_ID_01" + Nonces.digits(20);
    }

    private static PlatformKey loadOrGenerate(Path dir) {
        Path privatePath = dir.resolve(PRIVATE_FILE);
        Path publicPath = dir.resolve(PUBLIC_FILE);
        Path idPath = dir.resolve(ID_FILE);
        Optional<String> privateText = KeyFiles.read(privatePath);
        Optional<String> publicText = KeyFiles.read(publicPath);
        KeyPair pair;
        if (privateText.isPresent() && publicText.isPresent()) {
            pair = new KeyPair(RsaKeys.publicKey(publicText.get()), RsaKeys.privateKey(privateText.get()));
        } else {
            pair = RsaKeys.generate();
            KeyFiles.writeAtomically(privatePath, RsaKeys.encode(pair.getPrivate()));
            KeyFiles.writeAtomically(publicPath, RsaKeys.encode(pair.getPublic()));
            log.info("Generated the WeChat Pay platform key pair in {}", dir);
        }
        String id = KeyFiles.read(idPath).filter(text -> !text.isBlank()).orElseGet(() -> {
            String generated = newKeyId();
            KeyFiles.writeAtomically(idPath, generated + "\n");
            return generated;
        });
        return new PlatformKey(id, pair, null);
    }
}
