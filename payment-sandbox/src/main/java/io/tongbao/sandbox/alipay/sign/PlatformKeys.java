package io.tongbao.sandbox.alipay.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;

import io.tongbao.sandbox.config.SandboxProperties;
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
        try {
            Path privatePath = dir.resolve(PRIVATE_FILE);
            Path publicPath = dir.resolve(PUBLIC_FILE);
            if (Files.exists(privatePath) && Files.exists(publicPath)) {
                return new KeyPair(RsaKeys.publicKey(Files.readString(publicPath)),
                        RsaKeys.privateKey(Files.readString(privatePath)));
            }
            KeyPair pair = RsaKeys.generate();
            Files.createDirectories(dir);
            writeAtomically(privatePath, RsaKeys.encode(pair.getPrivate()));
            writeAtomically(publicPath, RsaKeys.encode(pair.getPublic()));
            log.info("Generated the Alipay platform key pair in {}", dir);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write platform keys in " + dir, e);
        }
    }

    // write-then-rename so a crash never leaves half a key that would fail every later start
    private static void writeAtomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        restrictToOwner(temp);
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("cannot restrict permissions of {}", file, e);
        }
    }
}
