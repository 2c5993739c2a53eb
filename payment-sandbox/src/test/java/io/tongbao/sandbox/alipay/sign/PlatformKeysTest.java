package io.tongbao.sandbox.alipay.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tongbao.sandbox.config.SandboxProperties;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesKeysOnFirstStartAndReusesThemAfterARestart() {
        var properties = new SandboxProperties(dir.resolve("keys"), null);

        var first = new PlatformKeys(properties);
        var second = new PlatformKeys(properties);

        assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        String sign = second.sign("x", SignType.RSA2);
        assertThat(RsaSigner.verify("x", sign, RsaKeys.publicKey(first.publicKeyBase64()), SignType.RSA2)).isTrue();
    }

    @Test
    void storesBareBase64InTheSdkFormats() throws Exception {
        new PlatformKeys(new SandboxProperties(dir, null));

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("alipay-platform-private-key.pk8.b64", "alipay-platform-public-key.x509.b64");
        }
        RsaKeys.privateKey(Files.readString(dir.resolve("alipay-platform-private-key.pk8.b64")));
    }
}
