package io.tongbao.sandbox.alipay.sign;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Optional;

import io.tongbao.sandbox.config.SandboxProperties;
import io.tongbao.sandbox.crypto.KeyFiles;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sandbox's own "Alipay platform" key pair. Generated on first start rather than shipped, so no private key ever
 * sits in the repository; persisted so that clients configured with the public key keep working after a restart.
 */
@Component
public class PlatformKeys {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);
    private static final String PRIVATE_FILE = "alipay-platform-private-key.pk8.b64";
    private static final String PUBLIC_FILE = "alipay-platform-public-key.x509.b64";

    private final PrivateKey privateKey;
    private final String publicKeyBase64;

    public PlatformKeys(SandboxProperties properties) {
        KeyPair pair = loadOrGenerate(properties.keyDir());
        this.privateKey = pair.getPrivate();
        this.publicKeyBase64 = RsaKeys.encode(pair.getPublic());
    }

    public String publicKeyBase64() {
        return publicKeyBase64;
    }

    public String sign(String content, SignType type) {
        return RsaSigner.sign(content, privateKey, type);
    }

    private static KeyPair loadOrGenerate(Path dir) {
        Path privatePath = dir.resolve(PRIVATE_FILE);
        Path publicPath = dir.resolve(PUBLIC_FILE);
        Optional<String> privateText = KeyFiles.read(privatePath);
        Optional<String> publicText = KeyFiles.read(publicPath);
        if (privateText.isPresent() && publicText.isPresent()) {
            return new KeyPair(RsaKeys.publicKey(publicText.get()), RsaKeys.privateKey(privateText.get()));
        }
        KeyPair pair = RsaKeys.generate();
        KeyFiles.writeAtomically(privatePath, RsaKeys.encode(pair.getPrivate()));
        KeyFiles.writeAtomically(publicPath, RsaKeys.encode(pair.getPublic()));
        log.info("Generated the Alipay platform key pair in {}", dir);
        return pair;
    }
}
