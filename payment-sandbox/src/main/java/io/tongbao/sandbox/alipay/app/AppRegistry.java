package io.tongbao.sandbox.alipay.app;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tongbao.sandbox.crypto.RsaKeys;
import org.springframework.stereotype.Component;

/** The apps the gateway knows, with the public key each one signs requests for. In memory by design. */
@Component
public class AppRegistry {

    private final Map<String, PublicKey> apps = new ConcurrentHashMap<>();

    public AppRegistry(AlipayAppProperties properties) {
        properties.apps().forEach(app -> register(app.appId(), app.appPublicKey()));
    }

    /** Registering an app id again replaces its key, as re-uploading a key on the open platform does. */
    public void register(String appId, String appPublicKeyBase64) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId is required");
        }
        apps.put(appId.trim(), RsaKeys.publicKey(appPublicKeyBase64));
    }

    public Optional<PublicKey> publicKey(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    /** Any registered app, for notifies forged without an app_id. */
    public Optional<String> anyAppId() {
        return apps.keySet().stream().sorted().findFirst();
    }
}
