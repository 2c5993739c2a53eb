package io.tongbao.sandbox.wechat.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tongbao.sandbox.config.SandboxProperties;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WechatPlatformKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheDefaultKeyAndIdOnFirstStartAndReusesThemAfterARestart() throws Exception {
        var first = new WechatPlatformKeys(new SandboxProperties(dir, null)).defaultKey();
        var second = new WechatPlatformKeys(new SandboxProperties(dir, null)).defaultKey();

        assertThat(second.id()).isEqualTo(first.id()).matches("PUB_KEY_ID_\\d{22}");
        assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "wechat-platform-private-key.pk8.b64", "wechat-platform-public-key.x509.b64",
                    "wechat-platform-key-id");
        }
        RsaKeys.privateKey(Files.readString(dir.resolve("wechat-platform-private-key.pk8.b64")));
        assertThat(Files.readString(dir.resolve("wechat-platform-key-id")).trim()).isEqualTo(first.id());
    }

    @Test
    void aMissingIdIsGeneratedWithoutReplacingTheKeys() throws Exception {
        var first = new WechatPlatformKeys(new SandboxProperties(dir, null)).defaultKey();
        Files.delete(dir.resolve("wechat-platform-key-id"));

        var second = new WechatPlatformKeys(new SandboxProperties(dir, null)).defaultKey();

        assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void aNewKeySignsForItsMerchantOnlyAfterActivation() {
        var keys = new WechatPlatformKeys(new SandboxProperties(dir, null));

        var created = keys.create("1900000001");
        assertThat(keys.active("1900000001")).isEqualTo(keys.defaultKey());
        keys.activate(created, "1900000001");

        assertThat(keys.active("1900000001")).isEqualTo(created);
        assertThat(keys.active("1900000002")).isEqualTo(keys.defaultKey());
        assertThat(keys.find(created.id())).contains(created);
        assertThatThrownBy(() -> keys.activate(created, "1900000002")).isInstanceOf(IllegalArgumentException.class);
    }
}
